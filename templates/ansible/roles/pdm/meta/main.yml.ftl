---
galaxy_info:
  role_name: pdm
  namespace: sitec
  author: sitec
  description: >-
    Proxmox Datacenter Manager: no-subscription repositories, and the site's remotes registered with their own
    API tokens.
  license: MIT
  min_ansible_version: "2.14"
  platforms:
    - name: Debian
      versions:
        - all
dependencies:
  - role: proxmox_repositories
    vars:
      proxmox_repositories_product: pdm
      proxmox_repositories_enterprise_files: [pdm-enterprise.sources]
