<#macro addressing e>
      mtu: [=e.mtu?c]
<#if e.dhcp>
      dhcp4: true
<#if !e.primary>
      dhcp4-overrides:
        use-routes: false
        use-dns: false
</#if>
<#else>
      addresses:
        - "[=e.address]"
</#if>
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
</#macro>
---
network:
  version: 2
  ethernets:
<#list v.ethernets as e>
    [=e.name]:
<#if e.rename>
      match:
        macaddress: "[=e.mac]"
      set-name: "[=e.name]"
</#if>
<@addressing e/>
</#list>
<#if v.vlans?has_content>
  vlans:
<#list v.vlans as e>
    [=e.name]:
      id: [=e.vlanId?c]
      link: [=e.link]
<@addressing e/>
</#list>
</#if>
