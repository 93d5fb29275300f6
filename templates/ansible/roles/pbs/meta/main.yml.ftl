---
galaxy_info:
  role_name: pbs
  namespace: sitec
  author: sitec
  description: >-
    Proxmox Backup Server: repositories, the datastore on its ZFS pool, prune, GC and verify jobs, the
    user PVE backs up as, and the certificate fingerprint Terraform needs.
  license: MIT
  min_ansible_version: "2.14"
  platforms:
    - name: Debian
      versions:
        - all
dependencies:
  - role: proxmox_repositories
    vars:
      proxmox_repositories_product: pbs
      proxmox_repositories_enterprise_files: [pbs-enterprise.sources, pbs-enterprise.list]
