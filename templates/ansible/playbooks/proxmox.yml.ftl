---
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
