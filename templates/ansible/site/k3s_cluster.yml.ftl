# K3s cluster [=v.name], for each of its nodes.
---
ansible_user: "{{ sitec_admin_user }}"
ansible_become: true
k3s_cluster_name: !unsafe "[=v.name]"
k3s_cluster_first_server: !unsafe "[=v.firstServer]"
k3s_token: "{{ [=v.tokenVariable] }}"
k3s_token_source: "{{ [=v.tokenVariable]_source }}"
k3s_version: !unsafe "[=v.version]"
<#if v.apiVip?has_content>
# The API is the VIP kube-vip holds on one server at a time.
<#else>
# No API VIP: the API is the first server's address, and has no failover.
</#if>
k3s_api_address: !unsafe "[=v.apiAddress]"
k3s_api_vip: !unsafe "[=v.apiVip]"
k3s_api_interface: !unsafe "[=v.apiInterface]"
# Where a server with no datastore asks whether the cluster runs (the VIP, else the other servers).
<#if v.joinAddresses?has_content>
k3s_join_addresses:
<#list v.joinAddresses as address>
  - !unsafe "[=address]"
</#list>
<#else>
k3s_join_addresses: []
</#if>
# kube-vip-cloud-provider's pool for LoadBalancer Services, which kube-vip announces ("" for none).
k3s_load_balancer_ranges: !unsafe "[=v.loadBalancerRanges]"
k3s_flux_version: !unsafe "[=v.fluxVersion]"
<#if v.fluxSyncFile?has_content>
k3s_flux_sync_file: "{{ inventory_dir }}/[=v.fluxSyncFile]"
<#else>
k3s_flux_sync_file: ""
</#if>
k3s_flux_repository: !unsafe "[=v.fluxRepository]"
k3s_flux_deploy_key: [=v.fluxDeployKey?c]
# Without Flux, K3s's Helm controller installs the charts: these manifests go to the first server.
k3s_manifests_dir: "{{ inventory_dir }}/../[=v.manifestsDir]"
<#if v.helmCharts?has_content>
k3s_manifests:
<#list v.helmCharts as file>
  - !unsafe "[=file]"
</#list>
<#else>
k3s_manifests: []
</#if>
# Longhorn holds the volumes' data: the k3s_server role never uninstalls it by removing this manifest.
k3s_longhorn_manifest: "[=v.longhornManifest]"

