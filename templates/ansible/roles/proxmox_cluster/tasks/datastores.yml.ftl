# The datastores this node's guests use are named in site.yaml (or made by the installer). sitec
# defines none of the named ones (a Ceph pool or a ZFS pool is the operator's), so it checks them
# here, before Terraform would fail on a missing storage in the middle of an apply. Run once the node
# is in its cluster and the cluster's storage is fixed up (playbooks/proxmox.yml): a joining node's
# storage.cfg is replaced by the cluster's (pve-docs pvecm.adoc), so cluster-wide storage (Ceph, NFS)
# is there only after the join, and the node's own VM storage only after storage.yml.
---
- name: Read the storages active on this node
  ansible.builtin.command:
    argv: [pvesm, status, --enabled, "1"]
  register: proxmox_cluster_storage_status
  changed_when: false

- name: Every datastore the guests use exists and is active here
  ansible.builtin.assert:
    that: item in (proxmox_cluster_storage_status.stdout_lines[1:] | map('split') | selectattr('2', 'equalto', 'active') | map('first') | list)
    fail_msg: >-
      Datastore '{{ item }}' is not an active storage on {{ inventory_hostname }}. Add it
      (Datacenter > Storage) or name an existing one in site.yaml (datastore:).
    quiet: true
  loop: "{{ proxmox_node_datastores }}"

- name: Read the snippets datastore's content types
  ansible.builtin.command:
    argv: [pvesh, get, "/storage/{{ proxmox_node_snippets_datastore }}", --output-format, json]
  register: proxmox_cluster_snippets_storage
  changed_when: false
  when: proxmox_node_snippets_datastore != 'local'

- name: The snippets datastore takes cloud-init snippets
  ansible.builtin.assert:
    that: "'snippets' in (proxmox_cluster_snippets_storage.stdout | from_json).content.split(',')"
    fail_msg: >-
      Datastore '{{ proxmox_node_snippets_datastore }}' does not allow the snippets content type, which
      Terraform uploads cloud-init files as: add it (pvesm set {{ proxmox_node_snippets_datastore }} --content ...).
    quiet: true
  when: proxmox_node_snippets_datastore != 'local'

- name: Every bridge the site's networks use exists here
  ansible.builtin.stat:
    path: "/sys/class/net/{{ item }}/bridge"
  loop: "{{ proxmox_node_other_bridges }}"
  register: proxmox_cluster_bridges

- name: Refuse a missing bridge
  ansible.builtin.assert:
    that: item.stat.exists
    fail_msg: "Bridge '{{ item.item }}' does not exist on {{ inventory_hostname }}: create it (System > Network) or change the network's bridge in site.yaml."
    quiet: true
  loop: "{{ proxmox_cluster_bridges.results }}"
  loop_control:
    label: "{{ item.item }}"
