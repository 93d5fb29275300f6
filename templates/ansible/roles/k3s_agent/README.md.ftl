# k3s_agent

A K3s agent at the site's version, joining through the API: its VIP, else the first server's address.

Variables (defaults in `defaults/main.yml`; sitec sets the site's values in the inventory):

- `k3s_version`
- `k3s_arch`
- `k3s_config_file`
- `k3s_api_address`
