# [=v.host]: a Proxmox Backup Server.
---
pbs_datastore: !unsafe "[=v.datastore]"
pbs_datastore_raid: !unsafe "[=v.raidLevel]"
<#if v.disks?has_content>
pbs_datastore_disks:
<#list v.disks as disk>
  - !unsafe "[=disk]"
</#list>
<#else>
pbs_datastore_disks: []
</#if>
pbs_pdm_remote: [=v.pdmRemote?c]
pbs_gc_schedule: !unsafe "[=v.gcSchedule]"
pbs_keep_args:
<#list v.keep as k>
  - "--[=k.option]"
  - "[=k.value]"
</#list>
<#if v.keep?has_content>
pbs_keep:
<#list v.keep as k>
  [=k.option]: [=k.value?c]
</#list>
<#else>
pbs_keep: {}
</#if>
<#if v.fingerprintFiles?has_content>
pbs_fingerprint_files:
<#list v.fingerprintFiles as f>
  - "{{ inventory_dir }}/../[=f]"
</#list>
<#else>
pbs_fingerprint_files: []
</#if>
