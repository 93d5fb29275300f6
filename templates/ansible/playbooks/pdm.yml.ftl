---
- name: Configure the Proxmox Datacenter Manager
  hosts: pdm
  roles:
    - role: pdm
