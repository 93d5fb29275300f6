# Day 2: moves every node to k3s_version (site.yaml: kubernetes.version), one node at a time: drain
# it, upgrade it, restart K3s now (flush_handlers, not at the end of the play), wait until the node
# is Ready and reports the new version, and only then let it take workloads again. K3s's kubelet
# reports K3s's version (k3s-io/k3s scripts/build: component-base version.gitVersion=${VERSION}),
# e.g. v1.36.3+k3s1, as the node's status.nodeInfo.kubeletVersion.
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

    - name: Restart K3s on the server now, with the new binary
      ansible.builtin.meta: flush_handlers

    - name: Wait until the server is Ready at the new version
      ansible.builtin.command:
        argv: [/usr/local/bin/k3s, kubectl, get, node, "{{ inventory_hostname }}", -o, json]
      register: k3s_upgrade_node
      changed_when: false
      until: >-
        k3s_upgrade_node.rc == 0
        and (k3s_upgrade_node.stdout | from_json).status.nodeInfo.kubeletVersion == k3s_version
        and ((k3s_upgrade_node.stdout | from_json).status.conditions | selectattr('type', 'equalto', 'Ready')
             | map(attribute='status') | first | default('')) == 'True'
      retries: 60
      delay: 10

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

    - name: Restart the K3s agent now, with the new binary
      ansible.builtin.meta: flush_handlers

    - name: Wait until the agent is Ready at the new version
      ansible.builtin.command:
        argv: [/usr/local/bin/k3s, kubectl, get, node, "{{ inventory_hostname }}", -o, json]
      delegate_to: "{{ k3s_cluster_first_server }}"
      register: k3s_upgrade_node
      changed_when: false
      until: >-
        k3s_upgrade_node.rc == 0
        and (k3s_upgrade_node.stdout | from_json).status.nodeInfo.kubeletVersion == k3s_version
        and ((k3s_upgrade_node.stdout | from_json).status.conditions | selectattr('type', 'equalto', 'Ready')
             | map(attribute='status') | first | default('')) == 'True'
      retries: 60
      delay: 10

    - name: Let the agent take workloads again
      ansible.builtin.command:
        argv: [/usr/local/bin/k3s, kubectl, uncordon, "{{ inventory_hostname }}"]
      delegate_to: "{{ k3s_cluster_first_server }}"
      changed_when: true
