---
# Before anything changes a node (its role's dependencies included): Proxmox VE knows a node by its
# host name, which every later play uses as the inventory's. One mismatch stops every node.
- name: Check that each Proxmox VE node's host name is its name in site.yaml
  hosts: proxmox
  gather_facts: false
  any_errors_fatal: true
  tasks:
    - name: Compare the node's host name with its name in site.yaml
      ansible.builtin.include_role:
        name: proxmox_cluster
        tasks_from: hostname.yml

- name: Configure the Proxmox VE nodes
  hosts: proxmox
  roles:
    - role: proxmox_node

# One node at a time: corosync takes one join at a time, and each join needs the cluster formed.
- name: Form each cluster, the first node creating it and the others joining one at a time
  hosts: proxmox
  serial: 1
  roles:
    - role: proxmox_cluster

- name: Define each VM storage on exactly the nodes that have it, once every node has joined
  hosts: proxmox
  tasks:
    - name: Fix up the cluster's storage configuration from its first node
      ansible.builtin.include_role:
        name: proxmox_cluster
        tasks_from: storage.yml
      when: proxmox_cluster_first_node | bool

# After the join: a joining node's storage.cfg is the cluster's (pve-docs pvecm.adoc), so the
# storages its guests use (a Ceph pool, an NFS share defined for the whole cluster) exist on it only
# from then on.
- name: Check the datastores and bridges the guests use, once every node has joined
  hosts: proxmox
  gather_facts: false
  tasks:
    - name: Check that every datastore and bridge the node's guests use is there
      ansible.builtin.include_role:
        name: proxmox_cluster
        tasks_from: datastores.yml
      when: proxmox_node_datastores | default([]) | length > 0 or proxmox_node_other_bridges | default([]) | length > 0

# One node at a time, each back in a quorate cluster with its guests running before the next goes
# down: two nodes rebooting together lose a three-node cluster's quorum, and the etcd of the K3s
# servers they host.
- name: Reboot the nodes IOMMU and VFIO need rebooted, one at a time
  hosts: proxmox
  serial: 1
  gather_facts: false
  tasks:
    - name: Reboot the node if it is marked, and wait for it, its cluster and its guests
      ansible.builtin.include_role:
        name: proxmox_cluster
        tasks_from: reboot.yml
