# flux_bootstrap

Installs Flux at the site's version, the Git deploy key secret, and the cluster's sync objects from the generated Flux tree.

Variables (defaults in `defaults/main.yml`; sitec sets the site's values in the inventory):

- `k3s_flux_version`
- `k3s_flux_repository`
- `k3s_flux_deploy_key`
- `k3s_flux_sync_file`
