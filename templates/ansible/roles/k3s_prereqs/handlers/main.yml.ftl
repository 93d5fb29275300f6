---
- name: Restart multipathd
  ansible.builtin.systemd:
    name: multipathd
    state: restarted
  when: k3s_prereqs_live | bool

- name: Reload systemd
  ansible.builtin.systemd:
    daemon_reload: true
  when: k3s_prereqs_live | bool

- name: Reboot
  ansible.builtin.reboot:
    msg: "sitec: reboot for K3s prerequisites"
  when: k3s_prereqs_live | bool
