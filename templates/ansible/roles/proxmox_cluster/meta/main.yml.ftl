---
galaxy_info:
  role_name: proxmox_cluster
  namespace: sitec
  author: sitec
  description: >-
    Creates the Proxmox VE cluster on its first node and joins the others, once.
  license: MIT
  min_ansible_version: "2.14"
  platforms:
    - name: Debian
      versions:
        - all
dependencies: []
