# Creates an API user with a role of exactly the given privileges and a token, and writes the token's
# secret (shown only once) to a file on the controller that only its owner can read.
---
- name: List the roles
  ansible.builtin.command:
    argv: [pveum, role, list, --output-format, json]
  register: proxmox_node_roles
  changed_when: false

- name: Create the role or bring its privileges up to date
  ansible.builtin.command:
    argv:
      - pveum
      - role
      - "{{ 'modify' if proxmox_node_existing | length > 0 else 'add' }}"
      - "{{ proxmox_node_api_role }}"
      - --privs
      - "{{ proxmox_node_api_privileges | join(',') }}"
  vars:
    proxmox_node_existing: "{{ proxmox_node_roles.stdout | from_json | selectattr('roleid', 'equalto', proxmox_node_api_role) | list }}"
  when: >-
    proxmox_node_existing | length == 0 or
    (proxmox_node_existing[0].privs.split(',') | sort) != (proxmox_node_api_privileges | sort)
  changed_when: true

- name: List the users
  ansible.builtin.command:
    argv: [pveum, user, list, --output-format, json]
  register: proxmox_node_users
  changed_when: false

- name: Create the user
  ansible.builtin.command:
    argv: [pveum, user, add, "{{ proxmox_node_api_user }}", --comment, "{{ proxmox_node_api_comment }}"]
  when: proxmox_node_api_user not in (proxmox_node_users.stdout | from_json | map(attribute='userid') | list)
  changed_when: true

- name: Give the user its role on the whole datacenter
  ansible.builtin.command:
    argv: [pveum, acl, modify, /, --users, "{{ proxmox_node_api_user }}", --roles, "{{ proxmox_node_api_role }}"]
  changed_when: false

- name: List the user's tokens
  ansible.builtin.command:
    argv: [pveum, user, token, list, "{{ proxmox_node_api_user }}", --output-format, json]
  register: proxmox_node_tokens
  changed_when: false

- name: Note whether the token exists
  ansible.builtin.set_fact:
    proxmox_node_token_exists: "{{ proxmox_node_api_token in (proxmox_node_tokens.stdout | from_json | map(attribute='tokenid') | list) }}"

- name: Look for the token's secret on the controller
  ansible.builtin.stat:
    path: "{{ proxmox_node_api_token_file }}"
  register: proxmox_node_token_stat
  delegate_to: localhost
  become: false

# PVE shows a token's secret only when it is made: one whose file is gone is made again.
- name: Remove the token whose secret is no longer on the controller
  ansible.builtin.command:
    argv: [pveum, user, token, remove, "{{ proxmox_node_api_user }}", "{{ proxmox_node_api_token }}"]
  when: proxmox_node_token_exists and not proxmox_node_token_stat.stat.exists
  changed_when: true

- name: Create the API token and keep its secret, shown only now, in a file only you can read
  when: not proxmox_node_token_exists or not proxmox_node_token_stat.stat.exists
  block:
    - name: Create the API token
      ansible.builtin.command:
        argv: [pveum, user, token, add, "{{ proxmox_node_api_user }}", "{{ proxmox_node_api_token }}", --privsep, "0", --output-format, json]
      register: proxmox_node_new_token
      changed_when: true
      no_log: true

    - name: Make the folder of the token file on the controller
      ansible.builtin.file:
        path: "{{ proxmox_node_api_token_file | dirname }}"
        state: directory
        mode: "0700"
      delegate_to: localhost
      become: false

    - name: Write the token as authid=secret (what PROXMOX_VE_API_TOKEN takes)
      ansible.builtin.copy:
        dest: "{{ proxmox_node_api_token_file }}"
        content: "{{ (proxmox_node_new_token.stdout | from_json)['full-tokenid'] }}={{ (proxmox_node_new_token.stdout | from_json).value }}\n"
        mode: "0600"
      delegate_to: localhost
      become: false
      no_log: true
