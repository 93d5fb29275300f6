# [=v.host]: a node of the [=v.cluster] cluster.
---
proxmox_cluster_name: !unsafe "[=v.cluster]"
proxmox_cluster_first_node: [=v.firstNode?c]
proxmox_cluster_first_node_name: !unsafe "[=v.firstNodeName]"
proxmox_cluster_first_node_address: !unsafe "[=v.firstNodeAddress]"
proxmox_node_uplink_interface: !unsafe "[=v.uplinkInterface]"
proxmox_node_uplink_mtu: [=v.uplinkMtu?c]
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
<#if v.usbDevices?has_content>
proxmox_node_usb_devices:
<#list v.usbDevices as u>
  - vm: !unsafe "[=u.vm]"
    vmid: [=u.vmid?c]
    slot: !unsafe "[=u.slot]"
    host: !unsafe "[=u.host]"
</#list>
<#else>
proxmox_node_usb_devices: []
</#if>
<#if v.storages?has_content>
proxmox_cluster_storages:
<#list v.storages as s>
  - id: !unsafe "[=s.id]"
    type: !unsafe "[=s.type]"
    nodes: [<#list s.nodes as n>!unsafe "[=n]"<#sep>, </#list>]
    options: [<#list s.options as o>!unsafe "[=o]"<#sep>, </#list>]
</#list>
</#if>
