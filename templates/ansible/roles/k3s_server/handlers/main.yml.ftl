---
- name: Restart K3s
  ansible.builtin.systemd:
    name: "{{ k3s_server_service }}"
    state: restarted
    daemon_reload: true
