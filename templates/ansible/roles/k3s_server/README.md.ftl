# k3s_server

A K3s server at the site's version: checksum-verified binary and unit, config from site.yaml, the token as a drop-in, kube-vip for the API VIP and
the LoadBalancer Services' addresses, and (for a cluster without Flux, on its first server) the HelmCharts and
StorageClasses that K3s's own Helm controller and deploy controller install.

Variables (defaults in `defaults/main.yml`; sitec sets the site's values in the inventory):

- `k3s_version`
- `k3s_arch`
- `k3s_config_file`
- `k3s_first_server`
- `k3s_api_address`, `k3s_api_vip` (empty without a VIP), `k3s_api_interface`, `k3s_join_addresses`
- `k3s_load_balancer_ranges`
- `k3s_manifests_dir`, `k3s_manifests`, `k3s_longhorn_manifest`
- `k3s_server_kube_vip_version`, `k3s_server_manifests_folder`

A manifest the site no longer gives is deleted from the cluster before its file is removed (K3s itself
deletes nothing when a file goes); Longhorn is never uninstalled this way: the play stops and says how.
