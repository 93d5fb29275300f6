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

<#if v.gpu>
- name: Install the NVIDIA driver and container toolkit on GPU nodes, before K3s starts there
  hosts: nvidia_gpu
  roles:
    - role: gpu

</#if>
- name: Install the K3s servers one at a time, the first one creating the cluster
  hosts: k3s_servers
  serial: 1
  roles:
    - role: k3s_server

- name: Install the K3s agents
  hosts: k3s_agents
  roles:
    - role: k3s_agent

# K3s applies node-label and node-taint only when a node registers: later changes in site.yaml reach
# the cluster here, each node labelled and tainted from the first server of its own cluster, and the
# labels and taints sitec set that the site no longer gives removed (k3s_server tasks/node_labels.yml).
- name: Keep every node's labels and taints as site.yaml says
  hosts: k3s_cluster
  gather_facts: false
  tasks:
    - name: Label and taint the node from its cluster's first server
      ansible.builtin.include_role:
        name: k3s_server
        tasks_from: node_labels.yml
