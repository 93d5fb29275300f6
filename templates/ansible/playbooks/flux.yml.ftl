---
- name: Bootstrap Flux in each K3s cluster, from its first server
  hosts: k3s_servers
  pre_tasks:
    - name: Leave the bootstrap to the cluster's first server
      ansible.builtin.meta: end_host
      when: not k3s_first_server | bool

    # A cluster without flux: in site.yaml has nothing to bootstrap (K3s's Helm controller installs its
    # charts), nor one whose Flux runs from its owner's tree (flux.bootstrap: false).
    - name: Skip a cluster whose Flux sitec does not bootstrap
      ansible.builtin.meta: end_host
      when: k3s_flux_version | length == 0

    - name: Check that the Git deploy key is readable
      ansible.builtin.assert:
        that: sitec_secret_flux_git_deploy_key | length > 0
        fail_msg: "The Flux deploy key is missing: set {{ sitec_secret_flux_git_deploy_key_source }}."
        quiet: true
      when: k3s_flux_deploy_key | bool
  roles:
    - role: flux_bootstrap
