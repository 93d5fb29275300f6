---
galaxy_info:
  role_name: proxmox_node
  namespace: sitec
  author: sitec
  description: >-
    Proxmox VE node: no-subscription repositories, the content types Terraform needs on local, IOMMU and
    VFIO for passthrough, and the Terraform API token.
  license: MIT
  min_ansible_version: "2.14"
  platforms:
    - name: Debian
      versions:
        - all
dependencies:
  - role: proxmox_repositories
    vars:
      proxmox_repositories_product: pve
      proxmox_repositories_enterprise_files: [pve-enterprise.sources, pve-enterprise.list, ceph.sources, ceph.list]
      proxmox_repositories_subscription: "{{ proxmox_node_subscription }}"
