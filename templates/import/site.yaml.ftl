<#macro note notes key><#if notes[key]??>   # [=notes[key]?no_esc]</#if></#macro>
<#macro startup s=""><#if s?has_content>
    startup: { order: [=s.order?c]<#if s.up??>, up_delay_s: [=s.up?c]</#if><#if s.down??>, down_delay_s: [=s.down?c]</#if> }
</#if></#macro>
<#macro nics list>
    address:
<#list list as n>
      [=v.yaml(n.network)]: [=v.yaml(n.address)]<#if n.note??>   # [=n.note?no_esc]</#if>
</#list>
    macs:
<#list list as n>
      [=v.yaml(n.network)]: [=v.quoted(n.mac)]
</#list>
</#macro>
# [=v.heading?no_esc]
# Review it before you generate: a "# guess:" marks a value import had to choose, a "# replace:" one
# it could not know, and the end of the file lists what the site cannot say. Every guest keeps its
# node, VMID, MACs, disk slots and storages, and is marked existing: the first `terraform plan`
# imports it and changes it in place only. `sitec schema` prints the schema, for an editor's completion.

apiVersion: sitec.dev/v2
site:
  name: [=v.yaml(v.name)]
  domain: [=v.yaml(v.domain)]<@note v.notes "domain"/>
  timezone: [=v.yaml(v.timezone)]<@note v.notes "timezone"/>
  country: [=v.yaml(v.country)]<@note v.notes "country"/>
  keyboard: [=v.yaml(v.keyboard)]<@note v.notes "keyboard"/>
  admin_email: [=v.quoted(v.adminEmail)]<@note v.notes "admin_email"/>
  # [=v.notes["ssh_authorized_keys"]?no_esc]
  ssh_authorized_keys:
<#list v.sshKeys as key>
    - [=v.quoted(key)]
</#list>
  # replace: PVE keeps no password hash sitec can read; mkpasswd -m sha-512 gives one.
  password_hash: [=v.quoted(v.placeholderHash)]

# Named here, supplied when you apply: Terraform reads its API token from this variable.
secrets:
  proxmox_api_token: { env: PROXMOX_VE_API_TOKEN }

networks:
<#list v.networks as n>
  [=v.yaml(n.name)]:<#if n.note??>   # [=n.note?no_esc]</#if>
<#if n.vlan??>
    vlan: [=n.vlan?c]
</#if>
<#if n.bridge??>
    bridge: [=v.yaml(n.bridge)]
</#if>
<#if n.cidr??>
    cidr: [=v.yaml(n.cidr)]
</#if>
<#if n.gateway??>
    gateway: [=v.yaml(n.gateway)]
</#if>
<#if n.dns?has_content>
    dns: [<#list n.dns as d>[=v.yaml(d)]<#sep>, </#list>]
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
<#if i.vmId??>
  [=v.yaml(i.name)]:<#if i.note??>   # [=i.note?no_esc]</#if>
    kind: template
    vm_id: [=i.vmId?c]
    node: [=v.yaml(i.node)]
<#if i.datastore??>
    datastore: [=v.yaml(i.datastore)]
</#if>
<#if i.shared>
    shared: true
</#if>
<#else>
  [=v.yaml(i.name)]:
    kind: [=v.yaml(i.kind)]
    arch: [=v.yaml(i.arch)]
    url: [=v.quoted(i.url)]
</#if>
</#list>
</#if>

proxmox:
  clusters:
    [=v.yaml(v.cluster)]:
<#if v.endpoint??>
      endpoint: [=v.quoted(v.endpoint)]
</#if>
      nodes:
<#list v.nodes as node>
        # Installed already: sitec writes no installer answer for it.
        [=v.yaml(node.name)]:
          address: [=v.yaml(node.address)]<@note node.notes "address"/>
<#if node.iface??>
          interface: [=v.yaml(node.iface)]
</#if>
          datastore: [=v.yaml(node.datastore)]
<#if node.subscription>
          subscription: true   # an active subscription: Ansible keeps its enterprise repositories
</#if>
<#if node.devices?has_content>
          devices:
<#list node.devices as d>
            [=v.yaml(d.name)]:<#if d.note??>   # [=d.note?no_esc]</#if>
              type: [=v.yaml(d.type)]
<#if d.address??>
              address: [=v.quoted(d.address)]
</#if>
              id: [=v.quoted(d.id)]
<#if d.subsystemId??>
              subsystem_id: [=v.quoted(d.subsystemId)]
</#if>
<#if d.iommuGroup??>
              iommu_group: [=d.iommuGroup?c]
</#if>
<#if d.allFunctions>
              all_functions: true
</#if>
<#if d.primaryGpu>
              primary_gpu: true
</#if>
<#if d.port??>
              port: [=v.quoted(d.port)]
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
  [=v.yaml(vm.name)]:<@note vm.notes "name"/>
    node: [=v.yaml(vm.node)]
    vm_id: [=vm.vmId?c]
    existing: true
    lifecycle: pet<@note vm.notes "lifecycle"/>
<#if vm.os??>
    os: [=v.yaml(vm.os)]
</#if>
    firmware: [=v.yaml(vm.firmware)]
    machine: [=v.yaml(vm.machine)]
    agent: [=vm.agent?c]
    serial_console: [=vm.serialConsole?c]
    cpu_type: [=v.yaml(vm.cpuType)]<@note vm.notes "cpu_type"/>
    scsi_controller: [=v.yaml(vm.scsiController)]<@note vm.notes "scsi_controller"/>
<#if vm.agentTrim??>
    agent_trim: [=vm.agentTrim?c]
</#if>
    cores: [=vm.cores?c]
    memory_mib: [=vm.memoryMib?c]
<#if vm.balloonMinMib??>
    balloon_min_mib: [=vm.balloonMinMib?c]
</#if>
<#if vm.datastore??>
    datastore: [=v.yaml(vm.datastore)]
</#if>
    disks:
<#list vm.disks as d>
      - { size_gib: [=d.sizeGib?c], interface: [=v.yaml(d.iface)]<#if d.datastore??>, datastore: [=v.yaml(d.datastore)]</#if><#if d.format??>, format: [=v.yaml(d.format)]</#if> }<#if d.note??>   # [=d.note?no_esc]</#if>
</#list>
<@nics vm.nics/>
<#if vm.passthrough?has_content>
    passthrough: [<#list vm.passthrough as p>[=v.yaml(p)]<#sep>, </#list>]
</#if>
<#if vm.tags?has_content>
    tags: [<#list vm.tags as t>[=v.yaml(t)]<#sep>, </#list>]
</#if>
<#if vm.onBoot??>
    on_boot: false
</#if>
<@startup vm.startup!""/>
<#if vm.description??>
    description: [=v.quoted(vm.description)]
</#if>
</#list>
</#if>
<#if v.containers?has_content>

containers:
<#list v.containers as ct>
  [=v.yaml(ct.name)]:<@note ct.notes "name"/>
    node: [=v.yaml(ct.node)]
    vm_id: [=ct.vmId?c]
    existing: true
    lifecycle: pet<@note ct.notes "lifecycle"/>
    template: [=v.yaml(ct.template)]<@note ct.notes "template"/>
    cores: [=ct.cores?c]<@note ct.notes "cores"/>
    memory_mib: [=ct.memoryMib?c]
    swap_mib: [=ct.swapMib?c]
    disk: { size_gib: [=ct.diskGib?c]<#if ct.diskDatastore??>, datastore: [=v.yaml(ct.diskDatastore)]</#if> }<@note ct.notes "disk"/>
<@nics ct.nics/>
<#if ct.unprivileged??>
    unprivileged: false
</#if>
<#if ct.features?has_content>
    features: [<#list ct.features as f>[=v.yaml(f)]<#sep>, </#list>]
</#if>
<#if ct.mounts?has_content>
    mounts:
<#list ct.mounts as m>
<#if m.hostPath??>
      - { host_path: [=v.quoted(m.hostPath)], path: [=v.quoted(m.path)] }
<#else>
      - { datastore: [=v.yaml(m.datastore)], size_gib: [=m.sizeGib?c], path: [=v.quoted(m.path)] }
</#if>
</#list>
</#if>
<#if ct.devices?has_content>
    devices: [<#list ct.devices as d>[=v.quoted(d)]<#sep>, </#list>]
</#if>
<#if ct.tags?has_content>
    tags: [<#list ct.tags as t>[=v.yaml(t)]<#sep>, </#list>]
</#if>
<#if ct.onBoot??>
    on_boot: false
</#if>
<@startup ct.startup!""/>
<#if ct.description??>
    description: [=v.quoted(ct.description)]
</#if>
</#list>
</#if>
<#if v.unexpressed?has_content>

# What the site cannot say, and what the first plan or Ansible does about it:
<#list v.unexpressed as line>
# - [=line?no_esc]
</#list>
</#if>
