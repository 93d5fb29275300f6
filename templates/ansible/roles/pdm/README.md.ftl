# pdm

Proxmox Datacenter Manager: no-subscription repositories, and the site's remotes checked reachable.

Depends on `proxmox_repositories` (product `pdm`).

Variables (defaults in `defaults/main.yml`; sitec sets the site's values in the inventory):

- `pdm_remotes`
