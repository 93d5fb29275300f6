# Day 2: moves every node to k3s_version (site.yaml: kubernetes.version), one node at a time,
# draining it first and letting it back in once it is Ready.
---
- name: Upgrade the K3s servers one at a time
  hosts: k3s_servers
  serial: 1
  tasks:
    - name: Drain the server
      ansible.builtin.command:
        argv: [/usr/local/bin/k3s, kubectl, drain, "{{ inventory_hostname }}", --ignore-daemonsets, --delete-emptydir-data, --timeout=10m]
      changed_when: true

    - name: Upgrade K3s on the server
      ansible.builtin.include_role:
        name: k3s_server

    - name: Let the server take workloads again
      ansible.builtin.command:
        argv: [/usr/local/bin/k3s, kubectl, uncordon, "{{ inventory_hostname }}"]
      changed_when: true

- name: Upgrade the K3s agents one at a time
  hosts: k3s_agents
  serial: 1
  tasks:
    - name: Drain the agent
      ansible.builtin.command:
        argv: [/usr/local/bin/k3s, kubectl, drain, "{{ inventory_hostname }}", --ignore-daemonsets, --delete-emptydir-data, --timeout=10m]
      delegate_to: "{{ k3s_cluster_first_server }}"
      changed_when: true

    - name: Upgrade K3s on the agent
      ansible.builtin.include_role:
        name: k3s_agent

    - name: Let the agent take workloads again
      ansible.builtin.command:
        argv: [/usr/local/bin/k3s, kubectl, uncordon, "{{ inventory_hostname }}"]
      delegate_to: "{{ k3s_cluster_first_server }}"
      changed_when: true
