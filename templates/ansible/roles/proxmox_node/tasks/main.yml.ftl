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

- name: Let the node's bridge and uplink carry the largest network MTU
  ansible.builtin.include_tasks: network.yml

- name: Configure PCI passthrough
  ansible.builtin.include_tasks: passthrough.yml
  when: proxmox_node_passthrough | bool

- name: Fetch the compressed disk images the guests boot from
  ansible.builtin.include_tasks: disk_images.yml
  when: proxmox_node_disk_images | length > 0

- name: Make the guest settings only root may make
  ansible.builtin.include_tasks: guest_settings.yml
  when: proxmox_node_guest_settings | length > 0

# Tagged api-token: `ansible-playbook playbooks/proxmox.yml --tags api-token` makes Terraform's token (again,
# when its file is gone) and nothing else.
- name: Create the Terraform API user, role and token
  ansible.builtin.include_tasks:
    file: api_token.yml
    apply:
      tags: [api-token]
  tags: [api-token]
  vars:
    proxmox_node_api_user: "{{ proxmox_node_terraform_user }}"
    proxmox_node_api_comment: Terraform (sitec)
    proxmox_node_api_role: "{{ proxmox_node_terraform_role }}"
    proxmox_node_api_privileges: "{{ proxmox_node_terraform_privileges }}"
    proxmox_node_api_token: "{{ proxmox_node_terraform_token }}"
    proxmox_node_api_token_file: "{{ proxmox_node_token_file }}"
  when: proxmox_cluster_first_node | default(true) | bool

- name: Create the Datacenter Manager's API user, role and token
  ansible.builtin.include_tasks: api_token.yml
  vars:
    proxmox_node_api_user: "{{ proxmox_node_pdm_user }}"
    proxmox_node_api_comment: Proxmox Datacenter Manager (sitec)
    proxmox_node_api_role: "{{ proxmox_node_pdm_role }}"
    proxmox_node_api_privileges: "{{ proxmox_node_pdm_privileges }}"
    proxmox_node_api_token: "{{ proxmox_node_pdm_token }}"
    proxmox_node_api_token_file: "{{ sitec_token_dir }}/pdm-{{ proxmox_cluster_name }}-token"
  when: proxmox_cluster_first_node | default(true) | bool and proxmox_node_pdm_remote | bool
