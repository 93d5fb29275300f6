---
galaxy_info:
  role_name: proxmox_repositories
  namespace: sitec
  author: sitec
  description: >-
    The no-subscription repository of a Proxmox product (VE, Backup Server, Datacenter Manager), with
    the enterprise ones disabled.
  license: MIT
  min_ansible_version: "2.14"
  platforms:
    - name: Debian
      versions:
        - all
dependencies: []
