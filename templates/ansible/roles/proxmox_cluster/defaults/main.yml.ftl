---
# Set per node by sitec (host_vars): the cluster's name and the node that creates it.
proxmox_cluster_name: ""
proxmox_cluster_first_node: false
proxmox_cluster_first_node_name: ""
proxmox_cluster_first_node_address: ""
# Every node of the cluster, by name (set by sitec): a cluster of one is left a standalone node.
proxmox_cluster_nodes: []
# The VM storages of the cluster (set by sitec): id, pvesm type, the nodes that have it, and the
# options `pvesm add` needs to define it again.
proxmox_cluster_storages: []
