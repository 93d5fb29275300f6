# [=v.host]: the Proxmox Datacenter Manager.
---
pdm_remotes:
<#list v.remotes as r>
  - id: !unsafe "[=r.id]"
    type: !unsafe "[=r.type]"
    address: !unsafe "[=r.address]"
    host: !unsafe "[=r.host]"
</#list>
