# Reboots a node proxmox_node marked (sitec_reboot_marker: IOMMU and VFIO take effect at boot), from
# a play that runs with serial: 1, so that one node is down at a time. The next node waits until
# this one is back: the cluster quorate with it online (pve-manager PVE/API2/Cluster.pm get_status:
# the cluster entry's quorate, the node entry's online), and the guests that ran on it before
# running again (the K3s servers' etcd among them). A one-node cluster has no quorum to wait for.
---
- name: Check whether the node is marked for a reboot
  ansible.builtin.stat:
    path: "{{ sitec_reboot_marker }}"
  register: proxmox_cluster_reboot_mark

- name: Reboot the node and wait for it and its cluster
  when: proxmox_cluster_reboot_mark.stat.exists
  block:
    - name: Read which guests run on the node
      ansible.builtin.command:
        argv: [pvesh, get, "/nodes/{{ inventory_hostname }}/{{ item }}", --output-format, json]
      loop: [qemu, lxc]
      register: proxmox_cluster_guests_before
      changed_when: false

    - name: Reboot the node for IOMMU and VFIO
      ansible.builtin.reboot:
        msg: "sitec: reboot for IOMMU and VFIO"
        reboot_timeout: 900

    - name: Wait until the cluster is quorate with the node online
      ansible.builtin.command:
        argv: [pvesh, get, /cluster/status, --output-format, json]
      register: proxmox_cluster_status
      changed_when: false
      until: >-
        proxmox_cluster_status.rc == 0
        and (proxmox_cluster_status.stdout | from_json | selectattr('type', 'equalto', 'cluster')
             | map(attribute='quorate') | first | default(0) | int) == 1
        and (proxmox_cluster_status.stdout | from_json | selectattr('type', 'equalto', 'node')
             | selectattr('name', 'equalto', inventory_hostname) | map(attribute='online') | first | default(0) | int) == 1
      retries: 60
      delay: 10
      when: proxmox_cluster_nodes | default([]) | length > 1

    - name: Wait until the guests that ran before the reboot run again
      ansible.builtin.command:
        argv: [pvesh, get, "/nodes/{{ inventory_hostname }}/{{ item.item }}", --output-format, json]
      loop: "{{ proxmox_cluster_guests_before.results }}"
      loop_control:
        label: "{{ item.item }}"
      register: proxmox_cluster_guests_after
      changed_when: false
      until: >-
        item.stdout | from_json | selectattr('status', 'equalto', 'running') | map(attribute='vmid') | map('int')
        | difference(proxmox_cluster_guests_after.stdout | default('[]') | from_json
                     | selectattr('status', 'equalto', 'running') | map(attribute='vmid') | map('int'))
        | length == 0
      retries: 60
      delay: 10

    - name: Remove the node's reboot mark
      ansible.builtin.file:
        path: "{{ sitec_reboot_marker }}"
        state: absent
