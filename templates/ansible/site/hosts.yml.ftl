# The site's hosts, by group. Proxmox products log in as root, everything else as the admin
# user cloud-init created (group_vars).
---
all:
  children:
<#list v.groups as g>
    [=g.name]:
<#if g.hosts?has_content>
      hosts:
<#list g.hosts as h>
<#if h.address??>
        [=h.name]:
          ansible_host: "[=h.address]"
<#else>
        [=h.name]: {}
</#if>
</#list>
</#if>
<#if g.children?has_content>
      children:
<#list g.children as child>
        [=child]: {}
</#list>
</#if>
<#if !g.hosts?has_content && !g.children?has_content>
      hosts: {}
</#if>
</#list>
