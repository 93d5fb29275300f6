---
# The Proxmox product whose repositories to set up: pve, pbs or pdm.
proxmox_repositories_product: pve
# Its enterprise repository files (they need a subscription), disabled when present.
proxmox_repositories_enterprise_files: [pve-enterprise.sources, ceph.sources]
# Whether the host has a subscription: then its enterprise repositories stay, and no other is added.
proxmox_repositories_subscription: false
