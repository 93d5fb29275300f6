# Proxmox VE names a node by its host name up to the first dot (pve-common src/PVE/INotify.pm
# nodename: POSIX::uname, "strip domain part"): /etc/pve/nodes/<name>, the API's /nodes/<name>,
# corosync's node list. The roles use the inventory's name for all of those (guest paths, storage
# nodes, the cluster's first node), so a node whose host name is another stops the play here.
---
- name: Read the node's host name
  ansible.builtin.command:
    argv: [hostname]
  register: proxmox_cluster_hostname
  changed_when: false

- name: Check that the node's host name is its name in site.yaml
  ansible.builtin.assert:
    that: proxmox_cluster_nodename == inventory_hostname
    fail_msg: >-
      The host at {{ ansible_host | default(inventory_hostname) }} is named '{{ proxmox_cluster_nodename }}',
      but site.yaml names it '{{ inventory_hostname }}', and Proxmox VE knows a node by its host name.
      Rename the node '{{ inventory_hostname }}' (/etc/hostname and /etc/hosts, before it is in a
      cluster), or name it '{{ proxmox_cluster_nodename }}' in site.yaml.
    quiet: true
  vars:
    proxmox_cluster_nodename: "{{ (proxmox_cluster_hostname.stdout | trim).split('.')[0] }}"
