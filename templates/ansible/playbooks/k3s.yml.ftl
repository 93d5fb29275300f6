---
- name: Prepare every K3s node
  hosts: k3s_cluster
  pre_tasks:
    - name: Check that the K3s token is set
      ansible.builtin.assert:
        that: sitec_secret_k3s_token | length > 0
        fail_msg: "The K3s token is missing: set {{ sitec_secret_k3s_token_source }}."
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
