---
# Not when this run started the service: it is already running the new configuration.
- name: Restart K3s
  ansible.builtin.systemd:
    name: "{{ k3s_server_service }}"
    state: restarted
    daemon_reload: true
  when: not k3s_server_start is changed
