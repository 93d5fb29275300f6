# Proxmox VE nodes: the installer set root up with the site's SSH keys.
---
ansible_user: root
# Where proxmox_node marks a node that needs a reboot (IOMMU, VFIO); the last play of
# playbooks/proxmox.yml reboots the marked nodes one at a time and removes the mark. On the node, so
# that a run which stops before that play still reboots the node at the next run.
sitec_reboot_marker: /var/lib/sitec/reboot-required
