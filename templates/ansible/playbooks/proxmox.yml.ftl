---
- name: Configure the Proxmox VE nodes
  hosts: proxmox
  roles:
    - role: proxmox_node
    - role: proxmox_cluster
