---
network:
  version: 2
  ethernets:
<#list v.ethernets as e>
    [=e.name]:
      match:
        macaddress: "[=e.mac]"
      set-name: "[=e.name]"
      mtu: [=e.mtu]
      addresses:
        - "[=e.address]"
<#if e.gateway??>
      routes:
        - to: default
          via: "[=e.gateway]"
</#if>
<#if e.dns?has_content>
      nameservers:
        addresses:
<#list e.dns as server>
          - "[=server]"
</#list>
        search:
<#list e.search as domain>
          - "[=domain]"
</#list>
</#if>
</#list>
