---
- name: Check whether the node is in a cluster already
  ansible.builtin.stat:
    path: /etc/pve/corosync.conf
  register: proxmox_cluster_corosync

- name: Create the cluster on its first node
  ansible.builtin.command:
    argv: [pvecm, create, "{{ proxmox_cluster_name }}"]
  when: proxmox_cluster_first_node | bool and not proxmox_cluster_corosync.stat.exists
  changed_when: true

- name: Join the cluster from the other nodes
  when: not proxmox_cluster_first_node | bool and not proxmox_cluster_corosync.stat.exists
  block:
    - name: Read this node's root SSH key
      ansible.builtin.slurp:
        src: /root/.ssh/id_rsa.pub
      register: proxmox_cluster_key

    - name: Let this node log in to the first node as root, to join
      ansible.posix.authorized_key:
        user: root
        key: "{{ proxmox_cluster_key.content | b64decode }}"
      delegate_to: "{{ proxmox_cluster_first_node_name }}"

    - name: Join the cluster
      ansible.builtin.command:
        argv: [pvecm, add, "{{ proxmox_cluster_first_node_address }}", --use_ssh]
      changed_when: true
