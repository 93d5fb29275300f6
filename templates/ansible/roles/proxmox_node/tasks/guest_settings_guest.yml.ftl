# One guest's settings (proxmox_node_guest: guest, vmid, tool, pet, start, settings), from
# guest_settings.yml. PVE's config (`qm config`, `pct config`, GET .../config) shows the values
# pending for the guest's next start as if they were set; /pending shows both, so what the guest runs
# with (the current value) and what it gets at its next start are compared apart.
---
- name: Read the guest's configuration, current and pending
  ansible.builtin.command:
    argv: [pvesh, get, "{{ proxmox_node_guest_path }}/pending", --output-format, json]
  register: proxmox_node_guest_pending
  changed_when: false
  # A guest Terraform has not created yet: "Configuration file 'nodes/N/qemu-server/ID.conf' does not exist".
  failed_when: proxmox_node_guest_pending.rc != 0 and 'does not exist' not in proxmox_node_guest_pending.stderr

- name: Make the guest's settings, once Terraform has created it
  when: proxmox_node_guest_pending.rc == 0
  vars:
    # The settings of Ansible's that the guest has pending: set or deleted at its next start.
    proxmox_node_guest_waiting: >-
      {{ (proxmox_node_guest_after.stdout | default('[]') | from_json | selectattr('key', 'in', proxmox_node_guest_plan.ours)
          | rejectattr('pending', 'undefined') | map(attribute='key') | list)
         + (proxmox_node_guest_after.stdout | default('[]') | from_json | selectattr('key', 'in', proxmox_node_guest_plan.ours)
          | rejectattr('delete', 'undefined') | map(attribute='key') | list) }}
  block:
    - name: Read the settings Ansible made on the guest before
      ansible.builtin.slurp:
        src: "{{ proxmox_node_state_dir }}/guest-{{ proxmox_node_guest.vmid }}.json"
      register: proxmox_node_guest_record
      failed_when: false

    - name: Work out what to set and what to delete
      ansible.builtin.set_fact:
        proxmox_node_guest_plan: "{{ lookup('ansible.builtin.template', 'guest_plan.j2') | from_json }}"

    - name: Leave alone a slot that holds a setting Ansible did not make
      ansible.builtin.fail:
        msg: >-
          {{ proxmox_node_guest.guest }} has {{ proxmox_node_guest_plan.conflicts | join(', ') }} set to a value
          Ansible did not make; the site wants {{ proxmox_node_guest_plan.conflicts
          | map('extract', proxmox_node_guest.settings) | join(' and ') }} there. Move or delete it
          ({{ proxmox_node_guest.tool }} set {{ proxmox_node_guest.vmid }} --delete ...), then run again.
      when: proxmox_node_guest_plan.conflicts | length > 0

    - name: Change the guest's settings
      vars:
        # pve-container update_pct_config refuses to add, change or remove a mount point of a protected
        # container ("can't update CT ... drive 'mpN' - protection mode enabled"): the protection sitec
        # gave a pet is lifted for that change only.
        proxmox_node_guest_unprotect: >-
          {{ proxmox_node_guest.tool == 'pct' and proxmox_node_guest_plan.protected
             and (proxmox_node_guest_plan.set.keys() | list + proxmox_node_guest_plan.delete) | select('match', '^mp[0-9]+$') | list | length > 0 }}
      block:
        - name: Lift the pet's protection while its mount points change
          ansible.builtin.command:
            argv: [pct, set, "{{ proxmox_node_guest.vmid }}", --protection, "0"]
          when: proxmox_node_guest_unprotect | bool
          changed_when: true

        - name: Make each setting the guest does not have
          ansible.builtin.command:
            argv: ["{{ proxmox_node_guest.tool }}", set, "{{ proxmox_node_guest.vmid }}", "--{{ item.key }}", "{{ item.value }}"]
          loop: "{{ proxmox_node_guest_plan.set | dict2items }}"
          loop_control:
            label: "{{ item.key }}"
          changed_when: true

        - name: Delete the settings Ansible made that the site no longer lists
          ansible.builtin.command:
            argv: ["{{ proxmox_node_guest.tool }}", set, "{{ proxmox_node_guest.vmid }}", --delete, "{{ proxmox_node_guest_plan.delete | join(',') }}"]
          when: proxmox_node_guest_plan.delete | length > 0
          changed_when: true
      always:
        - name: Protect the pet again
          ansible.builtin.command:
            argv: [pct, set, "{{ proxmox_node_guest.vmid }}", --protection, "1"]
          when: proxmox_node_guest_unprotect | bool
          changed_when: true

    - name: Record the settings Ansible made on the guest
      ansible.builtin.copy:
        content: "{{ proxmox_node_guest_plan.record | to_nice_json }}\n"
        dest: "{{ proxmox_node_state_dir }}/guest-{{ proxmox_node_guest.vmid }}.json"
        mode: "0600"

    - name: Read what waits for the guest's next start
      ansible.builtin.command:
        argv: [pvesh, get, "{{ proxmox_node_guest_path }}/pending", --output-format, json]
      register: proxmox_node_guest_after
      changed_when: false

    # pve-container vmconfig_hotplug_pending applies no features and no change to an existing mpN or
    # devN to a running container; qemu-server vmconfig_hotplug_pending never a new IDE or SATA drive.
    - name: Restart the cattle guest, so that its settings waiting for the next start apply
      ansible.builtin.command:
        argv: ["{{ proxmox_node_guest.tool }}", reboot, "{{ proxmox_node_guest.vmid }}"]
      when: not proxmox_node_guest.pet and proxmox_node_guest_waiting | length > 0
      changed_when: true

    - name: Read the cattle guest's configuration after its restart
      ansible.builtin.command:
        argv: [pvesh, get, "{{ proxmox_node_guest_path }}/pending", --output-format, json]
      register: proxmox_node_guest_restarted
      changed_when: false
      when: not proxmox_node_guest.pet and proxmox_node_guest_waiting | length > 0

    - name: The restart applied the settings
      ansible.builtin.assert:
        that: proxmox_node_guest_waiting_after_restart | length == 0
        fail_msg: "{{ proxmox_node_guest.guest }} still has {{ proxmox_node_guest_waiting_after_restart | join(', ') }} pending after its restart."
        quiet: true
      vars:
        proxmox_node_guest_waiting_after_restart: "{{ proxmox_node_guest_restarted.stdout | from_json | selectattr('key', 'in', proxmox_node_guest_plan.ours)
          | rejectattr('pending', 'undefined') | map(attribute='key') | list + (proxmox_node_guest_restarted.stdout | from_json
          | selectattr('key', 'in', proxmox_node_guest_plan.ours) | rejectattr('delete', 'undefined') | map(attribute='key') | list) }}"
      when: proxmox_node_guest_restarted is not skipped and proxmox_node_guest_restarted.stdout is defined

    - name: Report what waits for the pet's next start
      ansible.builtin.debug:
        msg: >-
          restart {{ proxmox_node_guest.guest }} to apply {{ proxmox_node_guest_waiting | join(', ') }}
          ({{ proxmox_node_guest.tool }} reboot {{ proxmox_node_guest.vmid }}): a pet is not restarted by Ansible
      when: proxmox_node_guest.pet and proxmox_node_guest_waiting | length > 0

    - name: Read whether the VM created stopped runs
      ansible.builtin.command:
        argv: [pvesh, get, "{{ proxmox_node_guest_path }}/status/current", --output-format, json]
      register: proxmox_node_guest_status
      changed_when: false
      when: proxmox_node_guest.start and proxmox_node_guest_plan.attach | length > 0

    - name: Start the VM created stopped, now that the drives it needs at its first start are in
      ansible.builtin.command:
        argv: [qm, start, "{{ proxmox_node_guest.vmid }}"]
      when: >-
        proxmox_node_guest.start and proxmox_node_guest_plan.attach | length > 0
        and (proxmox_node_guest_status.stdout | from_json).status == 'stopped'
      changed_when: true
