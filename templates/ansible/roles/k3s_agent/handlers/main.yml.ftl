---
- name: Restart the K3s agent
  ansible.builtin.systemd:
    name: "{{ k3s_agent_service }}"
    state: restarted
    daemon_reload: true
