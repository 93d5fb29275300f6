---
- name: Check that every remote's API answers
  ansible.builtin.wait_for:
    host: "{{ item.address }}"
    port: "{{ pdm_api_ports[item.type] }}"
    timeout: 30
  loop: "{{ pdm_remotes }}"
  loop_control:
    label: "{{ item.id }}"
