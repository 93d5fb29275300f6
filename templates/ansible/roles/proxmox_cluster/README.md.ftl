# proxmox_cluster

Creates the Proxmox VE cluster on its first node and joins the others, once. A cluster of one node is left a
standalone node: it needs no corosync, so `pvecm create` runs only once the site gives the cluster a second node
(then the first node creates it, in the run that joins the second).

Besides `tasks/main.yml`, which `playbooks/proxmox.yml` runs one node at a time, the playbook includes:

- `tasks/hostname.yml`, first, before anything changes a node: the node's host name (up to the first dot, as
  Proxmox VE names a node) must be its name in site.yaml; the play stops naming both.
- `tasks/storage.yml`, on the first node once every node has joined: each VM storage defined on exactly the
  nodes that have it.
- `tasks/datastores.yml`, on every node after that: each datastore the node's guests use is an active storage
  there, and each bridge exists. After the join, so that cluster-wide storage (Ceph, NFS) counts.
- `tasks/reboot.yml`, last, one node at a time: a node `proxmox_node` marked (`sitec_reboot_marker`, for IOMMU
  and VFIO) is rebooted, and the next one waits until it is back, its cluster quorate with it online and the
  guests that ran on it running again.

Variables (defaults in `defaults/main.yml`; sitec sets the site's values in the inventory):

- `proxmox_cluster_name`
- `proxmox_cluster_first_node`
- `proxmox_cluster_first_node_name`
- `proxmox_cluster_first_node_address`
- `proxmox_cluster_nodes` (every node of the cluster: one alone is not made a cluster)
- `proxmox_cluster_storages` (the first node: VM storages to define again after the join)
