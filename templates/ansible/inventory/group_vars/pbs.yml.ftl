# Proxmox Backup Servers: the installer set root up with the site's SSH keys.
---
ansible_user: root
