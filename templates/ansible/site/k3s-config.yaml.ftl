# /etc/rancher/k3s/config.yaml: every key a K3s flag. The token is not here: Ansible writes it
# to config.yaml.d/10-token.yaml from the secret at apply time.
<#if v.server>
# Whether this server creates the cluster (cluster-init) or joins it (server) is decided on the host
# at its first start, and written to config.yaml.d/20-cluster.yaml.
</#if>
---
<#if v.serverUrl??>
server: "[=v.serverUrl]"
</#if>
<#if v.nodeIp??>
node-ip: "[=v.nodeIp]"
<#else>
# On DHCP: K3s takes the node IP from the interface of the default route (k3s pkg/agent/config get).
</#if>
flannel-iface: "[=v.flannelIface]"
<#if v.server>
write-kubeconfig-mode: "0600"
tls-san:
<#list v.tlsSans as san>
  - "[=san]"
</#list>
<#if v.disable?has_content>
disable:
<#list v.disable as d>
  - "[=d]"
</#list>
</#if>
</#if>
<#if v.nodeLabels?has_content>
node-label:
<#list v.nodeLabels as label>
  - "[=label]"
</#list>
</#if>
<#if v.nodeTaints?has_content>
node-taint:
<#list v.nodeTaints as taint>
  - "[=taint]"
</#list>
</#if>
