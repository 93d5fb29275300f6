# pdm

Proxmox Datacenter Manager: no-subscription repositories, and the site's remotes registered with their own API tokens
(`proxmox-datacenter-manager-admin remote add`; the `proxmox_node` and `pbs` roles make the tokens, so run `site.yml`, or
`proxmox.yml` and `pbs.yml` first).

Depends on `proxmox_repositories` (product `pdm`).

Variables (defaults in `defaults/main.yml`; sitec sets the site's values in the inventory):

- `pdm_remotes`
