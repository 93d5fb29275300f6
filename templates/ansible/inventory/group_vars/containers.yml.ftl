# LXC containers: Terraform gave root the site's SSH keys; the templates have no admin user.
---
ansible_user: root
