---
- name: Check that every remote's API answers
  ansible.builtin.wait_for:
    host: "{{ item.address }}"
    port: "{{ pdm_api_ports[item.type] }}"
    timeout: 30
  loop: "{{ pdm_remotes }}"
  loop_control:
    label: "{{ item.id }}"

- name: List the remotes already registered
  ansible.builtin.command:
    argv: [proxmox-datacenter-manager-admin, remote, list, --output-format, json]
  register: pdm_registered
  changed_when: false

- name: Read the certificate fingerprint of each remote not registered yet
  ansible.builtin.command:
    argv: "{{ ['pvenode', 'cert', 'info', '--output-format', 'json'] if item.type == 'pve' else ['proxmox-backup-manager', 'cert', 'info'] }}"
  delegate_to: "{{ item.host }}"
  loop: "{{ pdm_remotes | rejectattr('id', 'in', pdm_registered.stdout | from_json | map(attribute='id') | list) | list }}"
  loop_control:
    label: "{{ item.id }}"
  register: pdm_certificates
  changed_when: false

- name: Register the remotes with their API tokens
  ansible.builtin.command:
    argv:
      - proxmox-datacenter-manager-admin
      - remote
      - add
      - --type
      - "{{ item.item.type }}"
      - --id
      - "{{ item.item.id }}"
      - --nodes
      - "hostname={{ item.item.address }},fingerprint={{ pdm_fingerprint }}"
      - --authid
      - "{{ pdm_token.split('=', 1)[0] }}"
      - --token
      - "{{ pdm_token.split('=', 1)[1] }}"
  vars:
    pdm_token: "{{ lookup('ansible.builtin.file', sitec_token_dir ~ '/pdm-' ~ item.item.id ~ '-token') | trim }}"
    pdm_pve_certificates: "{{ item.stdout | from_json if item.item.type == 'pve' else [] }}"
    pdm_fingerprint: >-
      {{ ((pdm_pve_certificates | selectattr('filename', 'equalto', 'pveproxy-ssl.pem') | list)
          + (pdm_pve_certificates | selectattr('filename', 'equalto', 'pve-ssl.pem') | list)
          ) | map(attribute='fingerprint') | first
         if item.item.type == 'pve'
         else item.stdout | regex_search('Fingerprint \(sha256\):\s*([0-9A-Fa-f:]+)', '\1') | first }}
  loop: "{{ pdm_certificates.results }}"
  loop_control:
    label: "{{ item.item.id }}"
  changed_when: true
  no_log: true
