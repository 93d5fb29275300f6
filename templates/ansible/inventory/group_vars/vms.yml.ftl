# VMs built from cloud images: cloud-init created the admin user, with passwordless sudo.
---
ansible_user: "{{ sitec_admin_user }}"
ansible_become: true
