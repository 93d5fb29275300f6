<#macro note notes key><#if notes[key]??>   # [=notes[key]?no_esc]</#if></#macro>
<#macro startup s=""><#if s?has_content>
    startup: { order: [=s.order?c]<#if s.up??>, up_delay_s: [=s.up?c]</#if><#if s.down??>, down_delay_s: [=s.down?c]</#if> }
</#if></#macro>
<#macro nics list>
    address:
<#list list as n>
      [=n.network]: [=n.address]<#if n.note??>   # [=n.note?no_esc]</#if>
</#list>
    macs:
<#list list as n>
      [=n.network]: "[=n.mac]"
</#list>
</#macro>
# Written by `sitec import` from [=v.source] (Proxmox VE [=v.version], cluster [=v.cluster]).
# Review it before you generate: a "# guess:" marks a value import had to choose, a "# replace:" one
# it could not know, and the end of the file lists what the site cannot say. Every guest keeps its
# node, VMID, MACs, disk slots and storages, and is marked existing: the first `terraform plan`
# imports it and changes it in place only. `sitec schema` prints the schema, for an editor's completion.

apiVersion: sitec.dev/v2
site:
  name: [=v.name]
  domain: [=v.domain]<@note v.notes "domain"/>
  timezone: [=v.timezone]<@note v.notes "timezone"/>
  country: [=v.country]<@note v.notes "country"/>
  keyboard: [=v.keyboard]<@note v.notes "keyboard"/>
  admin_email: "[=v.adminEmail]"<@note v.notes "admin_email"/>
  # [=v.notes["ssh_authorized_keys"]?no_esc]
  ssh_authorized_keys:
<#list v.sshKeys as key>
    - "[=key]"
</#list>
  # replace: PVE keeps no password hash sitec can read; mkpasswd -m sha-512 gives one.
  password_hash: "$6$rounds=656000$replaceme$ReplaceWithTheOutputOfMkpasswdMSha512crypt.ReplaceWithTheOutputOfMkpasswdMSha512"

# Named here, supplied when you apply: Terraform reads its API token from this variable.
secrets:
  proxmox_api_token: { env: PROXMOX_VE_API_TOKEN }

networks:
<#list v.networks as n>
  [=n.name]:<#if n.note??>   # [=n.note?no_esc]</#if>
<#if n.vlan??>
    vlan: [=n.vlan?c]
</#if>
<#if n.bridge??>
    bridge: [=n.bridge]
</#if>
<#if n.cidr??>
    cidr: [=n.cidr]
</#if>
<#if n.gateway??>
    gateway: [=n.gateway]
</#if>
<#if n.dns?has_content>
    dns: [<#list n.dns as d>[=d]<#sep>, </#list>]
</#if>
<#if n.mtu??>
    mtu: [=n.mtu?c]
</#if>
<#if !n.vlan?? && !n.bridge?? && !n.cidr?? && !n.gateway?? && !n.dns?has_content && !n.mtu??>
    bridge: vmbr0
</#if>
</#list>
<#if v.images?has_content>

images:
<#list v.images as i>
  [=i.name]:
    kind: [=i.kind]
    arch: [=i.arch]
    url: "[=i.url]"
</#list>
</#if>

proxmox:
  clusters:
    [=v.cluster]:
<#if v.endpoint??>
      endpoint: "[=v.endpoint]"
</#if>
      nodes:
<#list v.nodes as node>
        # Installed already: sitec writes no installer answer for it.
        [=node.name]:
          address: [=node.address]<@note node.notes "address"/>
<#if node.iface??>
          interface: [=node.iface]
</#if>
          datastore: [=node.datastore]
<#if node.subscription>
          subscription: true   # an active subscription: Ansible keeps its enterprise repositories
</#if>
<#if node.devices?has_content>
          devices:
<#list node.devices as d>
            [=d.name]:<#if d.note??>   # [=d.note?no_esc]</#if>
              type: [=d.type]
<#if d.address??>
              address: "[=d.address]"
</#if>
              id: "[=d.id]"
<#if d.subsystemId??>
              subsystem_id: "[=d.subsystemId]"
</#if>
<#if d.iommuGroup??>
              iommu_group: [=d.iommuGroup?c]
</#if>
<#if d.port??>
              port: "[=d.port]"
</#if>
<#if d.existing>
              existing: true
</#if>
</#list>
</#if>
</#list>
<#if v.vms?has_content>

vms:
<#list v.vms as vm>
  [=vm.name]:<@note vm.notes "name"/>
    node: [=vm.node]
    vm_id: [=vm.vmId?c]
    existing: true
    lifecycle: pet<@note vm.notes "lifecycle"/>
<#if vm.os??>
    os: [=vm.os]
</#if>
    firmware: [=vm.firmware]
    machine: [=vm.machine]
    agent: [=vm.agent?c]
    serial_console: [=vm.serialConsole?c]
    cores: [=vm.cores?c]
    memory_mib: [=vm.memoryMib?c]
<#if vm.balloonMinMib??>
    balloon_min_mib: [=vm.balloonMinMib?c]
</#if>
<#if vm.datastore??>
    datastore: [=vm.datastore]
</#if>
    disks:
<#list vm.disks as d>
      - { size_gib: [=d.sizeGib?c], interface: [=d.iface]<#if d.datastore??>, datastore: [=d.datastore]</#if> }<#if d.note??>   # [=d.note?no_esc]</#if>
</#list>
<@nics vm.nics/>
<#if vm.passthrough?has_content>
    passthrough: [<#list vm.passthrough as p>[=p]<#sep>, </#list>]
</#if>
<#if vm.onBoot??>
    on_boot: false
</#if>
<@startup vm.startup!""/>
<#if vm.description??>
    description: "[=vm.description]"
</#if>
</#list>
</#if>
<#if v.containers?has_content>

containers:
<#list v.containers as ct>
  [=ct.name]:<@note ct.notes "name"/>
    node: [=ct.node]
    vm_id: [=ct.vmId?c]
    existing: true
    lifecycle: pet<@note ct.notes "lifecycle"/>
    template: [=ct.template]<@note ct.notes "template"/>
    cores: [=ct.cores?c]<@note ct.notes "cores"/>
    memory_mib: [=ct.memoryMib?c]
    swap_mib: [=ct.swapMib?c]
    disk: { size_gib: [=ct.diskGib?c]<#if ct.diskDatastore??>, datastore: [=ct.diskDatastore]</#if> }<@note ct.notes "disk"/>
<@nics ct.nics/>
<#if ct.unprivileged??>
    unprivileged: false
</#if>
<#if ct.features?has_content>
    features: [<#list ct.features as f>[=f]<#sep>, </#list>]
</#if>
<#if ct.mounts?has_content>
    mounts:
<#list ct.mounts as m>
<#if m.hostPath??>
      - { host_path: "[=m.hostPath]", path: "[=m.path]" }
<#else>
      - { datastore: [=m.datastore], size_gib: [=m.sizeGib?c], path: "[=m.path]" }
</#if>
</#list>
</#if>
<#if ct.devices?has_content>
    devices: [<#list ct.devices as d>"[=d]"<#sep>, </#list>]
</#if>
<#if ct.tags?has_content>
    tags: [<#list ct.tags as t>[=t]<#sep>, </#list>]
</#if>
<#if ct.onBoot??>
    on_boot: false
</#if>
<@startup ct.startup!""/>
<#if ct.description??>
    description: "[=ct.description]"
</#if>
</#list>
</#if>
<#if v.unexpressed?has_content>

# What the site cannot say, and what the first plan or Ansible does about it:
<#list v.unexpressed as line>
# - [=line?no_esc]
</#list>
</#if>
