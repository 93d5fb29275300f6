---
- name: Find the enterprise repository
  ansible.builtin.find:
    paths: /etc/apt/sources.list.d
    patterns: [pdm-enterprise.sources]
  register: pdm_enterprise

- name: Disable the enterprise repository (it needs a subscription)
  ansible.builtin.lineinfile:
    path: "{{ item.path }}"
    regexp: "^Enabled:"
    line: "Enabled: no"
  loop: "{{ pdm_enterprise.files }}"
  loop_control:
    label: "{{ item.path }}"

- name: Add the no-subscription repository
  ansible.builtin.copy:
    dest: /etc/apt/sources.list.d/proxmox.sources
    content: |
      Types: deb
      URIs: http://download.proxmox.com/debian/pdm
      Suites: {{ ansible_facts.distribution_release }}
      Components: pdm-no-subscription
      Signed-By: /usr/share/keyrings/proxmox-archive-keyring.gpg
    owner: root
    group: root
    mode: "0644"

- name: Check that every remote's API answers
  ansible.builtin.wait_for:
    host: "{{ item.address }}"
    port: "{{ pdm_api_ports[item.type] }}"
    timeout: 30
  loop: "{{ pdm_remotes }}"
  loop_control:
    label: "{{ item.id }}"
