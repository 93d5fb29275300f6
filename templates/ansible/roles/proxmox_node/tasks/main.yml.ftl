---
- name: Find the enterprise repositories
  ansible.builtin.find:
    paths: /etc/apt/sources.list.d
    patterns: [pve-enterprise.sources, ceph.sources]
  register: proxmox_node_enterprise

- name: Disable the enterprise repositories (they need a subscription)
  ansible.builtin.lineinfile:
    path: "{{ item.path }}"
    regexp: "^Enabled:"
    line: "Enabled: no"
  loop: "{{ proxmox_node_enterprise.files }}"
  loop_control:
    label: "{{ item.path }}"

- name: Add the no-subscription repository
  ansible.builtin.copy:
    dest: /etc/apt/sources.list.d/proxmox.sources
    content: |
      Types: deb
      URIs: http://download.proxmox.com/debian/pve
      Suites: {{ ansible_facts.distribution_release }}
      Components: pve-no-subscription
      Signed-By: /usr/share/keyrings/proxmox-archive-keyring.gpg
    owner: root
    group: root
    mode: "0644"

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
