# What cloud-init set up at a VM's or machine's first boot, kept as site.yaml says on every later
# run: cloud-init does not run again on a running guest, and Terraform ignores later changes to a
# VM's cloud-init files (so that an edit never replaces the VM).
---
- name: Keep the admin user's SSH keys and the time zone on the VMs and machines
  hosts: vms:machines
  tasks:
    - name: Authorize exactly the site's SSH keys for the admin user
      ansible.posix.authorized_key:
        user: "{{ sitec_admin_user }}"
        key: "{{ sitec_ssh_authorized_keys | join('\n') }}"
        exclusive: true

    - name: Set the site's time zone
      community.general.timezone:
        name: "{{ sitec_timezone }}"
