---
- name: Find the enterprise repositories
  ansible.builtin.find:
    paths: /etc/apt/sources.list.d
    patterns: "{{ proxmox_repositories_enterprise_files }}"
  register: proxmox_repositories_enterprise

- name: Disable the enterprise repositories (they need a subscription)
  ansible.builtin.lineinfile:
    path: "{{ item.path }}"
    regexp: "^Enabled:"
    line: "Enabled: no"
  loop: "{{ proxmox_repositories_enterprise.files }}"
  loop_control:
    label: "{{ item.path }}"
  when: not proxmox_repositories_subscription | bool

- name: Add the no-subscription repository
  ansible.builtin.copy:
    dest: /etc/apt/sources.list.d/proxmox.sources
    content: |
      Types: deb
      URIs: http://download.proxmox.com/debian/{{ proxmox_repositories_product }}
      Suites: {{ ansible_facts.distribution_release }}
      Components: {{ proxmox_repositories_product }}-no-subscription
      Signed-By: /usr/share/keyrings/proxmox-archive-keyring.gpg
    owner: root
    group: root
    mode: "0644"
  when: not proxmox_repositories_subscription | bool
