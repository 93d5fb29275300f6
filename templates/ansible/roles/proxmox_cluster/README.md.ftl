# proxmox_cluster

Creates the Proxmox VE cluster on its first node and joins the others, once.

Variables (defaults in `defaults/main.yml`; sitec sets the site's values in the inventory):

- `proxmox_cluster_name`
- `proxmox_cluster_first_node`
- `proxmox_cluster_first_node_name`
- `proxmox_cluster_first_node_address`
- `proxmox_cluster_storages` (the first node: VM storages to define again after the join)
