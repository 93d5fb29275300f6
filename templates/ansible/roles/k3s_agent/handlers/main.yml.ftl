---
# Not when this run started the service: it is already running the new configuration.
- name: Restart the K3s agent
  ansible.builtin.systemd:
    name: "{{ k3s_agent_service }}"
    state: restarted
    daemon_reload: true
  when: not k3s_agent_start is changed
