---
- name: Read the local datastore's content types
  ansible.builtin.command:
    argv: [pvesh, get, /storage/local, --output-format, json]
  register: proxmox_node_local
  changed_when: false

- name: Allow snippets, imports and ISOs on the local datastore
  ansible.builtin.command:
    argv: [pvesm, set, local, --content, "{{ (proxmox_node_local_content + proxmox_node_current) | unique | sort | join(',') }}"]
  vars:
    proxmox_node_current: "{{ (proxmox_node_local.stdout | from_json).content.split(',') }}"
  when: proxmox_node_local_content | difference(proxmox_node_current) | length > 0
  changed_when: true

- name: Configure PCI passthrough
  ansible.builtin.include_tasks: passthrough.yml
  when: proxmox_node_passthrough | bool

- name: Create the Terraform API user and token
  ansible.builtin.include_tasks: api_token.yml
  when: proxmox_cluster_first_node | default(true) | bool
