---
# Set per node by sitec (host_vars): the cluster's name and the node that creates it.
proxmox_cluster_name: ""
proxmox_cluster_first_node: false
proxmox_cluster_first_node_name: ""
proxmox_cluster_first_node_address: ""
