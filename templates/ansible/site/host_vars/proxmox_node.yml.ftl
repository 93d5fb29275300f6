# [=v.host]: a node of the [=v.cluster] cluster.
---
proxmox_cluster_name: !unsafe "[=v.cluster]"
proxmox_cluster_first_node: [=v.firstNode?c]
proxmox_cluster_first_node_name: !unsafe "[=v.firstNodeName]"
proxmox_cluster_first_node_address: !unsafe "[=v.firstNodeAddress]"
proxmox_node_boot_loader: !unsafe "[=v.bootLoader]"
proxmox_node_passthrough: [=v.passthrough?c]
proxmox_node_pdm_remote: [=v.pdmRemote?c]
<#if v.gpuIds?has_content>
proxmox_node_gpu_ids:
<#list v.gpuIds as id>
  - !unsafe "[=id]"
</#list>
<#else>
proxmox_node_gpu_ids: []
</#if>
