# proxmox_repositories

The no-subscription repository of a Proxmox product (VE, Backup Server, Datacenter Manager), with the enterprise
ones disabled; on a host with a subscription, the enterprise ones as they are. A dependency of `proxmox_node`,
`pbs` and `pdm`, each passing its product.

Variables (defaults in `defaults/main.yml`):

- `proxmox_repositories_product`: `pve`, `pbs` or `pdm`
- `proxmox_repositories_enterprise_files`: the product's enterprise repository files
- `proxmox_repositories_subscription`: the host has a subscription: its enterprise repositories stay, and the
  no-subscription one is not added
