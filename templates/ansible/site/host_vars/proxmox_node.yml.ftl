# [=v.host]: a node of the [=v.cluster] cluster.
---
proxmox_cluster_name: !unsafe "[=v.cluster]"
proxmox_cluster_first_node: [=v.firstNode?c]
proxmox_cluster_first_node_name: !unsafe "[=v.firstNodeName]"
proxmox_cluster_first_node_address: !unsafe "[=v.firstNodeAddress]"
proxmox_cluster_nodes: [<#list v.clusterNodes as n>!unsafe "[=n]"<#sep>, </#list>]
proxmox_node_uplink_interface: !unsafe "[=v.uplinkInterface]"
proxmox_node_bridge: !unsafe "[=v.bridge]"
proxmox_node_uplink_mtu: [=v.uplinkMtu?c]
proxmox_node_passthrough: [=v.passthrough?c]
proxmox_node_pdm_remote: [=v.pdmRemote?c]
proxmox_node_subscription: [=v.subscription?c]
<#if v.gpuIds?has_content>
proxmox_node_gpu_ids:
<#list v.gpuIds as id>
  - !unsafe "[=id]"
</#list>
<#else>
proxmox_node_gpu_ids: []
</#if>
<#if v.guests?has_content>
proxmox_node_guest_settings:
<#list v.guests as g>
<#list g.notes as n>
  # [=n]
</#list>
  - guest: !unsafe "[=g.guest]"
    vmid: [=g.vmid?c]
    tool: [=g.tool]
    pet: [=g.pet?c]
    start: [=g.start?c]
<#if g.settings?has_content>
    settings:
<#list g.settings as s>
      [=s.option]: !unsafe "[=s.value]"
</#list>
<#else>
    settings: {}
</#if>
</#list>
<#else>
proxmox_node_guest_settings: []
</#if>
<#if v.diskImages?has_content>
proxmox_node_disk_images:
<#list v.diskImages as i>
  - name: !unsafe "[=i.name]"
    url: !unsafe "[=i.url]"
    checksum: !unsafe "[=i.checksum]"
    file: !unsafe "[=i.file]"
    decompress: [=i.decompress]
</#list>
<#else>
proxmox_node_disk_images: []
</#if>
proxmox_node_snippets_datastore: !unsafe "[=v.snippetsDatastore]"
proxmox_node_datastores: [<#list v.datastores as d>!unsafe "[=d]"<#sep>, </#list>]
proxmox_node_other_bridges: [<#list v.otherBridges as b>!unsafe "[=b]"<#sep>, </#list>]
<#if v.storages?has_content>
proxmox_cluster_storages:
<#list v.storages as s>
  - id: !unsafe "[=s.id]"
    type: !unsafe "[=s.type]"
    nodes: [<#list s.nodes as n>!unsafe "[=n]"<#sep>, </#list>]
    options: [<#list s.options as o>!unsafe "[=o]"<#sep>, </#list>]
</#list>
</#if>
