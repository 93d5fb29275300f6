---
- name: Prepare every K3s node
  hosts: k3s_cluster
  pre_tasks:
    - name: Check that the K3s token is set
      ansible.builtin.assert:
        that: k3s_token | length > 0
        fail_msg: "The token of K3s cluster {{ k3s_cluster_name }} is missing: set {{ k3s_token_source }}."
        quiet: true
  roles:
    - role: k3s_prereqs

- name: Install the NVIDIA driver and container toolkit on GPU nodes, before K3s starts there
  hosts: nvidia_gpu
  roles:
    - role: gpu

- name: Install the K3s servers one at a time, the first one creating the cluster
  hosts: k3s_servers
  serial: 1
  roles:
    - role: k3s_server

- name: Install the K3s agents
  hosts: k3s_agents
  roles:
    - role: k3s_agent

# K3s applies node-label only when a node registers: later changes in site.yaml reach the cluster here,
# each node labelled from the first server of its own cluster.
- name: Keep every node's labels as site.yaml says
  hosts: k3s_cluster
  gather_facts: false
  tasks:
    - name: Label the node
      ansible.builtin.command:
        argv: "{{ ['/usr/local/bin/k3s', 'kubectl', 'label', 'node', inventory_hostname, '--overwrite'] + k3s_node_labels }}"
      delegate_to: "{{ k3s_cluster_first_server }}"
      when: k3s_node_labels | default([]) | length > 0
      register: k3s_node_labelled
      changed_when: "'not labeled' not in k3s_node_labelled.stdout"
