---
- name: Reboot for the NVIDIA driver
  ansible.builtin.reboot:
    msg: "sitec: reboot to load the NVIDIA driver"
