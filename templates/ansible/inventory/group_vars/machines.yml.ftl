# Bare-metal machines (Raspberry Pis): cloud-init created the admin user, with passwordless sudo.
---
ansible_user: "{{ sitec_admin_user }}"
ansible_become: true
