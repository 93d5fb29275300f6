# k3s_server

A K3s server at the site's version: checksum-verified binary and unit, config from site.yaml, the token as a drop-in, kube-vip for the API VIP.

Variables (defaults in `defaults/main.yml`; sitec sets the site's values in the inventory):

- `k3s_version`
- `k3s_arch`
- `k3s_config_file`
- `k3s_first_server`
- `k3s_api_vip`
- `k3s_server_kube_vip_version`
