# proxmox_repositories

The no-subscription repository of a Proxmox product (VE, Backup Server, Datacenter Manager), with the enterprise
ones disabled. A dependency of `proxmox_node`, `pbs` and `pdm`, each passing its product.

Variables (defaults in `defaults/main.yml`):

- `proxmox_repositories_product`: `pve`, `pbs` or `pdm`
- `proxmox_repositories_enterprise_files`: the product's enterprise repository files
