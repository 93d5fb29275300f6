# The enterprise repositories need a subscription; without one they are disabled and the product's
# no-subscription repository is added. Their form follows the release (pve-docs
# pve-package-repos.adoc, before and after "apt repositories: initial update for PVE 9"): Proxmox VE 8,
# PBS 3 (Debian bookworm) install one-line files (`pve-enterprise.list`, `ceph.list`: `deb
# https://enterprise.proxmox.com/...`) and trust /etc/apt/trusted.gpg.d/proxmox-release-bookworm.gpg;
# Proxmox VE 9, PBS 4, PDM (trixie) install deb822 files (`pve-enterprise.sources`, `ceph.sources`),
# disabled by an `Enabled: no` line, and trust /usr/share/keyrings/proxmox-archive-keyring.gpg. Only
# entries for enterprise.proxmox.com are disabled: a ceph file the owner pointed at the
# no-subscription repository stays as it is.
---
- name: Know the release's repository keyring
  ansible.builtin.assert:
    that: proxmox_repositories_release in proxmox_repositories_keyrings
    fail_msg: >-
      {{ inventory_hostname }} runs Debian {{ proxmox_repositories_release }}; sitec sets up the Proxmox
      repositories of {{ proxmox_repositories_keyrings.keys() | join(' and ') }} only.
    quiet: true

- name: Find the enterprise repositories
  ansible.builtin.find:
    paths: "{{ proxmox_repositories_dir }}"
    patterns: "{{ proxmox_repositories_enterprise_files }}"
    # matched against each line from its start (the find module's contentfilter uses re.match)
    contains: '.*enterprise\.proxmox\.com'
  register: proxmox_repositories_enterprise

- name: Disable the deb822 enterprise repositories (they need a subscription)
  ansible.builtin.lineinfile:
    path: "{{ item.path }}"
    regexp: "^Enabled:"
    line: "Enabled: no"
  loop: "{{ proxmox_repositories_enterprise.files | selectattr('path', 'match', '.*\\.sources$') | list }}"
  loop_control:
    label: "{{ item.path }}"
  when: not proxmox_repositories_subscription | bool

- name: Disable the one-line enterprise repositories (they need a subscription)
  ansible.builtin.replace:
    path: "{{ item.path }}"
    regexp: '^(deb\s+(\[[^\]]*\]\s+)?https://enterprise\.proxmox\.com/.*)$'
    replace: '# \1'
  loop: "{{ proxmox_repositories_enterprise.files | selectattr('path', 'match', '.*\\.list$') | list }}"
  loop_control:
    label: "{{ item.path }}"
  when: not proxmox_repositories_subscription | bool

- name: Add the no-subscription repository
  ansible.builtin.copy:
    dest: "{{ proxmox_repositories_dir }}/proxmox.sources"
    content: |
      Types: deb
      URIs: http://download.proxmox.com/debian/{{ proxmox_repositories_product }}
      Suites: {{ proxmox_repositories_release }}
      Components: {{ proxmox_repositories_product }}-no-subscription
      Signed-By: {{ proxmox_repositories_keyrings[proxmox_repositories_release] }}
    owner: root
    group: root
    mode: "0644"
  when: not proxmox_repositories_subscription | bool
