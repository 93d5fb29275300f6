# [=v.host]: the Proxmox Datacenter Manager.
---
pdm_remotes:
<#list v.remotes as r>
  - id: !unsafe "[=r.id]"
    type: !unsafe "[=r.type]"
    nodes:
<#list r.nodes as n>
      - host: !unsafe "[=n.name]"
        address: !unsafe "[=n.address]"
</#list>
</#list>
