---
- name: Check that every node of every remote answers on its API port
  ansible.builtin.wait_for:
    host: "{{ item.1.address }}"
    port: "{{ pdm_api_ports[item.0.type] }}"
    timeout: 30
  loop: "{{ pdm_remotes | subelements('nodes') }}"
  loop_control:
    label: "{{ item.0.id }}/{{ item.1.host }}"

- name: List the remotes already registered
  ansible.builtin.command:
    argv: [proxmox-datacenter-manager-admin, remote, list, --output-format, json]
  register: pdm_registered
  changed_when: false

- name: Note the remotes to register
  ansible.builtin.set_fact:
    pdm_new_remotes: "{{ pdm_remotes | rejectattr('id', 'in', pdm_registered.stdout | from_json | map(attribute='id') | list) | list }}"

# PDM reaches a cluster through any of its nodes (PDM cli/admin/src/remotes.rs: `remote add` takes a
# --nodes entry per node), so a cluster stays managed when its first node is down.
- name: Read the certificate of every node of the remotes not registered yet
  ansible.builtin.command:
    argv: "{{ ['pvenode', 'cert', 'info', '--output-format', 'json'] if item.0.type == 'pve' else ['proxmox-backup-manager', 'cert', 'info'] }}"
  delegate_to: "{{ item.1.host }}"
  loop: "{{ pdm_new_remotes | subelements('nodes') }}"
  loop_control:
    label: "{{ item.0.id }}/{{ item.1.host }}"
  register: pdm_certificates
  changed_when: false

- name: Describe each node as PDM takes it, hostname and certificate fingerprint
  ansible.builtin.set_fact:
    pdm_node_specs: "{{ pdm_node_specs | default({}) | combine({item.item.1.host: 'hostname=' ~ item.item.1.address ~ ',fingerprint=' ~ pdm_fingerprint}) }}"
  vars:
    pdm_pve_certificates: "{{ item.stdout | from_json if item.item.0.type == 'pve' else [] }}"
    # pveproxy serves pveproxy-ssl.pem when there is one (a custom or ACME certificate), else pve-ssl.pem.
    pdm_fingerprint: >-
      {{ ((pdm_pve_certificates | selectattr('filename', 'equalto', 'pveproxy-ssl.pem') | list)
          + (pdm_pve_certificates | selectattr('filename', 'equalto', 'pve-ssl.pem') | list)
          ) | map(attribute='fingerprint') | first
         if item.item.0.type == 'pve'
         else item.stdout | regex_search('Fingerprint \(sha256\):\s*([0-9A-Fa-f:]+)', '\1') | first }}
  loop: "{{ pdm_certificates.results }}"
  loop_control:
    label: "{{ item.item.0.id }}/{{ item.item.1.host }}"

- name: Register the remotes with their API tokens
  ansible.builtin.command:
    argv: >-
      {{ ['proxmox-datacenter-manager-admin', 'remote', 'add', '--type', item.type, '--id', item.id]
         + (['--nodes'] | product(item.nodes | map(attribute='host') | map('extract', pdm_node_specs)) | flatten)
         + ['--authid', pdm_token.split('=', 1)[0], '--token', pdm_token.split('=', 1)[1]] }}
  vars:
    pdm_token: "{{ lookup('ansible.builtin.file', sitec_token_dir ~ '/pdm-' ~ item.id ~ '-token') | trim }}"
  loop: "{{ pdm_new_remotes }}"
  loop_control:
    label: "{{ item.id }}"
  changed_when: true
  no_log: true
