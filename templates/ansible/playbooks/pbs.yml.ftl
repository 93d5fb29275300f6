---
- name: Configure the Proxmox Backup Servers
  hosts: pbs
  pre_tasks:
    - name: Check that the password PVE backs up with is set
      ansible.builtin.assert:
        that: sitec_secret_pbs_password | length > 0
        fail_msg: "The PBS password is missing: set {{ sitec_secret_pbs_password_source }}."
        quiet: true
  roles:
    - role: pbs
