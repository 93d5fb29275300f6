---
- name: List the datastores
  ansible.builtin.command:
    argv: [proxmox-backup-manager, datastore, list, --output-format, json]
  register: pbs_datastores
  changed_when: false

- name: Create the datastore on a new ZFS pool of its disks
  ansible.builtin.command:
    argv:
      - proxmox-backup-manager
      - disk
      - zpool
      - create
      - "{{ pbs_datastore }}"
      - --devices
      - "{{ pbs_datastore_disks | join(',') }}"
      - --raidlevel
      - "{{ pbs_datastore_raid }}"
      - --add-datastore
      - "true"
  when: >-
    pbs_datastore_disks | length > 0 and
    pbs_datastore not in (pbs_datastores.stdout | from_json | map(attribute='name') | list)
  changed_when: true

- name: An existing datastore (site.yaml names no disks for it) is there
  ansible.builtin.assert:
    that: pbs_datastore in (pbs_datastores.stdout | from_json | map(attribute='name') | list)
    fail_msg: "Datastore '{{ pbs_datastore }}' does not exist on {{ inventory_hostname }}: create it, or give it disks in site.yaml."
    quiet: true
  when: pbs_datastore_disks | length == 0

- name: Collect garbage on schedule
  ansible.builtin.command:
    argv: [proxmox-backup-manager, datastore, update, "{{ pbs_datastore }}", --gc-schedule, "{{ pbs_gc_schedule }}"]
  vars:
    pbs_current: "{{ pbs_datastores.stdout | from_json | selectattr('name', 'equalto', pbs_datastore) | list }}"
  when: (pbs_current | map(attribute='gc-schedule') | first | default('')) != pbs_gc_schedule
  changed_when: true

- name: List the prune jobs
  ansible.builtin.command:
    argv: [proxmox-backup-manager, prune-job, list, --output-format, json]
  register: pbs_prune_jobs
  changed_when: false

# Created once, then updated whenever site.yaml's retention or schedule differs from the job's, with
# keep options the site no longer sets deleted (proxmox-backup src/api2/config/prune.rs:
# DeletableProperty keep-last … keep-yearly).
- name: Prune the datastore by the site's retention, and keep the job in step with it
  ansible.builtin.command:
    argv: >-
      {{ (['proxmox-backup-manager', 'prune-job', 'create', pbs_prune_id, '--store', pbs_datastore]
          if pbs_prune_current | length == 0
          else ['proxmox-backup-manager', 'prune-job', 'update', pbs_prune_id])
         + ['--schedule', pbs_prune_schedule] + pbs_keep_args
         + (['--delete'] | product(pbs_keep_current.keys() | difference(pbs_keep.keys())) | flatten) }}
  vars:
    pbs_prune_id: "sitec-{{ pbs_datastore }}"
    pbs_prune_current: "{{ pbs_prune_jobs.stdout | from_json | selectattr('id', 'equalto', pbs_prune_id) | first | default({}) }}"
    pbs_keep_current: "{{ pbs_prune_current | dict2items | selectattr('key', 'match', '^keep-') | items2dict }}"
  when: >-
    pbs_prune_current | length == 0 or pbs_prune_current.schedule | default('') != pbs_prune_schedule
    or pbs_keep_current != pbs_keep
  changed_when: true

- name: List the verify jobs
  ansible.builtin.command:
    argv: [proxmox-backup-manager, verify-job, list, --output-format, json]
  register: pbs_verify_jobs
  changed_when: false

- name: Verify backups on schedule, and keep the job in step with site.yaml
  ansible.builtin.command:
    argv: >-
      {{ (['proxmox-backup-manager', 'verify-job', 'create', pbs_verify_id, '--store', pbs_datastore]
          if pbs_verify_current | length == 0
          else ['proxmox-backup-manager', 'verify-job', 'update', pbs_verify_id])
         + ['--schedule', pbs_verify_schedule, '--ignore-verified', 'true', '--outdated-after', '30'] }}
  vars:
    pbs_verify_id: "sitec-verify-{{ pbs_datastore }}"
    pbs_verify_current: "{{ pbs_verify_jobs.stdout | from_json | selectattr('id', 'equalto', pbs_verify_id) | first | default({}) }}"
  when: >-
    pbs_verify_current | length == 0 or pbs_verify_current.schedule | default('') != pbs_verify_schedule
    or pbs_verify_current['outdated-after'] | default(0) | int != 30 or not pbs_verify_current['ignore-verified'] | default(false)
  changed_when: true

- name: List the users
  ansible.builtin.command:
    argv: [proxmox-backup-manager, user, list, --output-format, json]
  register: pbs_users
  changed_when: false

- name: Create the user Proxmox VE backs up as
  ansible.builtin.command:
    argv: [proxmox-backup-manager, user, create, "{{ pbs_backup_user }}", --password, "{{ sitec_secret_pbs_password }}"]
  when: pbs_backup_user not in (pbs_users.stdout | from_json | map(attribute='userid') | list)
  changed_when: true
  no_log: true

- name: Let that user back up to and prune the datastore
  ansible.builtin.command:
    argv: [proxmox-backup-manager, acl, update, "/datastore/{{ pbs_datastore }}", DatastorePowerUser, --auth-id, "{{ pbs_backup_user }}"]
  changed_when: false

- name: Read the certificate fingerprint
  ansible.builtin.command:
    argv: [proxmox-backup-manager, cert, info]
  register: pbs_cert
  changed_when: false

- name: Keep the fingerprint
  ansible.builtin.set_fact:
    pbs_fingerprint: "{{ pbs_cert.stdout | regex_search('Fingerprint \\(sha256\\):\\s*([0-9A-Fa-f:]+)', '\\1') | first }}"

- name: Write every backup server's fingerprint for Terraform, into each cluster's root
  ansible.builtin.copy:
    dest: "{{ item }}"
    content: "{{ {'pbs_fingerprints': pbs_fingerprints} | to_nice_json }}\n"
    mode: "0644"
  vars:
    pbs_fingerprints: "{{ dict(ansible_play_hosts | zip(ansible_play_hosts | map('extract', hostvars, 'pbs_fingerprint'))) }}"
  delegate_to: localhost
  become: false
  run_once: true
  loop: "{{ pbs_fingerprint_files }}"

- name: Give the Datacenter Manager its own user and token
  when: pbs_pdm_remote | bool
  block:
    - name: Create the Datacenter Manager's user
      ansible.builtin.command:
        argv: [proxmox-backup-manager, user, create, "{{ pbs_pdm_user }}"]
      when: pbs_pdm_user not in (pbs_users.stdout | from_json | map(attribute='userid') | list)
      changed_when: true

    - name: List its tokens
      ansible.builtin.command:
        argv: [proxmox-backup-manager, user, list-tokens, "{{ pbs_pdm_user }}", --output-format, json]
      register: pbs_pdm_tokens
      changed_when: false

    - name: Look for the token's secret on the controller
      ansible.builtin.stat:
        path: "{{ sitec_token_dir }}/pdm-{{ inventory_hostname }}-token"
      register: pbs_pdm_token_file
      delegate_to: localhost
      become: false

    - name: Note whether the token exists
      ansible.builtin.set_fact:
        pbs_pdm_token_exists: "{{ (pbs_pdm_user ~ '!' ~ pbs_pdm_token) in (pbs_pdm_tokens.stdout | from_json | map(attribute='tokenid') | list) }}"

    # PBS shows a token's secret only when it is made: one whose file is gone is made again.
    - name: Remove the token whose secret is no longer on the controller
      ansible.builtin.command:
        argv: [proxmox-backup-manager, user, delete-token, "{{ pbs_pdm_user }}", "{{ pbs_pdm_token }}"]
      when: pbs_pdm_token_exists and not pbs_pdm_token_file.stat.exists
      changed_when: true

    - name: Create the token and keep its secret, shown only now, in a file only you can read
      when: not pbs_pdm_token_exists or not pbs_pdm_token_file.stat.exists
      block:
        - name: Create the token
          ansible.builtin.command:
            argv: [proxmox-backup-manager, user, generate-token, "{{ pbs_pdm_user }}", "{{ pbs_pdm_token }}", --output-format, json]
          register: pbs_pdm_new_token
          changed_when: true
          no_log: true

        - name: Make the folder of the token file on the controller
          ansible.builtin.file:
            path: "{{ sitec_token_dir }}"
            state: directory
            mode: "0700"
          delegate_to: localhost
          become: false

        - name: Write the token as authid=secret
          ansible.builtin.copy:
            dest: "{{ sitec_token_dir }}/pdm-{{ inventory_hostname }}-token"
            content: "{{ (pbs_pdm_new_token.stdout | from_json).tokenid }}={{ (pbs_pdm_new_token.stdout | from_json).value }}\n"
            mode: "0600"
          delegate_to: localhost
          become: false
          no_log: true

    # A token's permissions are limited to its user's (proxmox-backup docs/user-management.rst):
    # the user gets the role as well as the token.
    - name: Let the user and its token read the server's state
      ansible.builtin.command:
        argv: [proxmox-backup-manager, acl, update, /, Audit, --auth-id, "{{ item }}"]
      loop:
        - "{{ pbs_pdm_user }}"
        - "{{ pbs_pdm_user }}!{{ pbs_pdm_token }}"
      changed_when: false
