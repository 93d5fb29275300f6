# K3s cluster [=v.name], for each of its nodes.
---
ansible_user: "{{ sitec_admin_user }}"
ansible_become: true
k3s_cluster_name: !unsafe "[=v.name]"
k3s_cluster_first_server: !unsafe "[=v.firstServer]"
k3s_token: "{{ [=v.tokenVariable] }}"
k3s_token_source: "{{ [=v.tokenVariable]_source }}"
k3s_version: !unsafe "[=v.version]"
k3s_api_vip: !unsafe "[=v.apiVip]"
k3s_api_interface: !unsafe "[=v.apiInterface]"
k3s_flux_version: !unsafe "[=v.fluxVersion]"
k3s_flux_sync_file: "{{ inventory_dir }}/[=v.fluxSyncFile]"
k3s_flux_repository: !unsafe "[=v.fluxRepository]"
k3s_flux_deploy_key: [=v.fluxDeployKey?c]
