# [=v.host]: a K3s [=v.role] ([=v.arch]).
---
k3s_role: !unsafe "[=v.role]"
k3s_first_server: [=v.firstServer?c]
k3s_arch: !unsafe "[=v.arch]"
k3s_config_file: "{{ sitec_host_files }}/{{ inventory_hostname }}/[=v.configFile]"
k3s_node_interface: !unsafe "[=v.nodeInterface]"
k3s_prereqs_raspberry_pi: [=v.raspberryPi?c]
k3s_prereqs_longhorn_disk: !unsafe "[=v.longhornDisk]"
gpu_nvidia: [=v.nvidiaGpu?c]
<#if v.labels?has_content>
k3s_node_labels:
<#list v.labels as label>
  - !unsafe "[=label]"
</#list>
<#else>
k3s_node_labels: []
</#if>
<#if v.taints?has_content>
k3s_node_taints:
<#list v.taints as taint>
  - !unsafe "[=taint]"
</#list>
<#else>
k3s_node_taints: []
</#if>
