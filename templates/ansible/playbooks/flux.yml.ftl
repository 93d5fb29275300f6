---
- name: Bootstrap Flux from the first K3s server
  hosts: k3s_servers[0]
  pre_tasks:
    - name: Check that the Git deploy key is readable
      ansible.builtin.assert:
        that: sitec_secret_flux_git_deploy_key | length > 0
        fail_msg: "The Flux deploy key is missing: set {{ sitec_secret_flux_git_deploy_key_source }}."
        quiet: true
      when: k3s_flux_deploy_key | bool
  roles:
    - role: flux_bootstrap
