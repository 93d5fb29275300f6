# A joining node's /etc/pve is replaced by the cluster's, storage.cfg included, so its own VM storage
# is gone from the configuration (pve-docs pvecm.adoc: "add them again"), and the first node's is
# listed for every node, including those that do not have it. Run once per cluster after every node
# has joined: each storage the site's VMs use exists, restricted to the nodes that have it.
---
- name: Read the cluster's storage configuration
  ansible.builtin.command:
    argv: [pvesh, get, /storage, --output-format, json]
  register: proxmox_cluster_storage_cfg
  changed_when: false

- name: Add each VM storage a node lost when it joined
  ansible.builtin.command:
    argv: "{{ ['pvesm', 'add', item.type, item.id, '--nodes', item.nodes | join(',')] + item.options }}"
  loop: "{{ proxmox_cluster_storages }}"
  loop_control:
    label: "{{ item.id }}"
  when: item.id not in (proxmox_cluster_storage_cfg.stdout | from_json | map(attribute='storage') | list)
  changed_when: true

- name: Restrict each VM storage to the nodes that have it
  ansible.builtin.command:
    argv: [pvesm, set, "{{ item.id }}", --nodes, "{{ item.nodes | join(',') }}"]
  vars:
    proxmox_cluster_current: "{{ proxmox_cluster_storage_cfg.stdout | from_json | selectattr('storage', 'equalto', item.id) | list }}"
  loop: "{{ proxmox_cluster_storages }}"
  loop_control:
    label: "{{ item.id }}"
  when: >-
    proxmox_cluster_current | length > 0 and
    (proxmox_cluster_current[0].nodes | default('')).split(',') | reject('equalto', '') | sort != item.nodes | sort
  changed_when: true
