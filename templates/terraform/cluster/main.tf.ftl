# The [=v.name] cluster, as site.yaml describes it. The data is in locals; resources and modules
# iterate over it, so every object has a stable address keyed by its name.

locals {
  # The cloud-init files sitec generated, read where they are (not copied).
  cloud_init_dir = "${path.module}/../../../cloud-init/vms"

  # Cloud images (imported as VM disks) and ISOs, downloaded once per node that needs them.
  downloads = {
<#list v.downloads as d>
    "[=d.key]" = {
      node               = "[=d.node]"
      content_type       = "[=d.contentType]"
      url                = "[=d.url]"
      file_name          = "[=d.fileName]"
      checksum           = <#if d.checksum??>"[=d.checksum]"<#else>null</#if>
      checksum_algorithm = <#if d.checksumAlgorithm??>"[=d.checksumAlgorithm]"<#else>null</#if>
      decompression      = <#if d.decompression??>"[=d.decompression]"<#else>null</#if>
    }
</#list>
  }

  # ISOs prepared on the operator's machine (the PDM installer with its answer), uploaded.
  uploads = {
<#list v.uploads as u>
    "[=u.key]" = {
      node = "[=u.node]"
      path = var.[=u.variable]
    }
</#list>
  }

  pci_mappings = {
<#list v.pciMappings as m>
    "[=m.name]" = {
      comment      = "[=m.comment]"
      node         = "[=m.node]"
      id           = "[=m.id]"
      path         = "[=m.path]"
      subsystem_id = <#if m.subsystemId??>"[=m.subsystemId]"<#else>null</#if>
      iommu_group  = <#if m.iommuGroup??>[=m.iommuGroup]<#else>null</#if>
    }
</#list>
  }

<#if v.hasSdn()>
  # The tagged networks: one SDN vnet per VLAN (untagged ones sit on their node bridge).
  vnets = {
<#list v.vnets as n>
    "[=n.id]" = {
      alias = "[=n.network]"
      tag   = [=n.tag]
    }
</#list>
  }

</#if>
  pools = {
<#list v.pools as p>
    "[=p.id]" = {
      comment = "[=p.comment]"
    }
</#list>
  }

  vms = {
<#list v.vms as vm>
    "[=vm.name]" = {
      vm_id       = [=vm.vmId]
      node        = "[=vm.node]"
      description = "[=vm.description]"
      pool        = "[=vm.pool]"
      pet         = [=vm.pet?c]
      on_boot     = [=vm.onBoot?c]
      start       = [=vm.startAtCreate?c]
      cores       = [=vm.cores]
      memory_mib  = [=vm.memoryMib]
      balloon_mib = [=vm.balloonMib?c]
      cpu_type    = "[=vm.cpuType]"
      bios        = "[=vm.bios]"
      machine     = <#if vm.machine??>"[=vm.machine]"<#else>null</#if>
      os_type     = "[=vm.osType]"
      secure_boot = [=vm.secureBoot?c]
      tpm         = [=vm.tpm?c]
      datastore   = "[=vm.datastore]"
      snippets    = "[=vm.snippetsDatastore]"
      iso         = <#if vm.isoKey??>"[=vm.isoKey]"<#else>null</#if>
      clone       = <#if vm.cloneOf??>{ vm_id = [=vm.cloneOf.vmId?c], node = "[=vm.cloneOf.node]", full = [=vm.cloneOf.full?c], datastore = <#if vm.cloneOf.datastore??>"[=vm.cloneOf.datastore]"<#else>null</#if> }<#else>null</#if>
      cloud_init  = [=vm.cloudInit?c]
      agent       = [=vm.agent?c]
      agent_trim  = [=vm.agentTrim?c]
      serial      = [=vm.serial?c]
      scsi        = "[=vm.scsiHardware]"
      existing    = [=vm.existing?c]
      tags        = [<#list vm.tags as t>"[=t]"<#sep>, </#list>]

      startup = {
        order      = [=vm.startupOrder?c]
        up_delay   = [=vm.upDelay?c]
        down_delay = <#if vm.downDelay??>[=vm.downDelay?c]<#else>null</#if>
      }

      disks = [
<#list vm.disks as d>
        { interface = "[=d.iface]", size_gib = [=d.sizeGib?c], datastore = "[=d.datastore]", format = <#if d.format??>"[=d.format]"<#else>null</#if>, image = <#if d.importKey??>"[=d.importKey]"<#else>null</#if>, file = <#if d.importFile??>"[=d.importFile]"<#else>null</#if> },
</#list>
      ]

      nics = [
<#list vm.nics as n>
        { vnet = <#if n.vnet??>"[=n.vnet]"<#else>null</#if>, bridge = <#if n.bridge??>"[=n.bridge]"<#else>null</#if>, mac_address = "[=n.mac]", mtu = [=n.mtu?c] },
</#list>
      ]

      pci = [<#list vm.pci as p>{ mapping = "[=p.mapping]", id = <#if p.id??>"[=p.id]"<#else>null</#if>, pcie = [=p.pcie?c], xvga = [=p.xvga?c] }<#sep>, </#list>]

      addresses = { <#list vm.addresses as a>"[=a.network]" = "[=a.ip]"<#sep>, </#list> }
    }
</#list>
  }

<#if v.containers?has_content>
  containers = {
<#list v.containers as ct>
    "[=ct.name]" = {
      vm_id        = [=ct.vmId?c]
      node         = "[=ct.node]"
      description  = "[=ct.description]"
      pet          = [=ct.pet?c]
      on_boot      = [=ct.onBoot?c]
      cores        = [=ct.cores?c]
      memory_mib   = [=ct.memoryMib?c]
      swap_mib     = [=ct.swapMib?c]
      template     = "[=ct.template]"
      os_type      = "[=ct.osType]"
      unprivileged = [=ct.unprivileged?c]
      existing     = [=ct.existing?c]
      nesting      = [=ct.nesting?c]
      datastore    = "[=ct.datastore]"
      disk_gib     = [=ct.diskGib?c]
      tags         = [<#list ct.tags as t>"[=t]"<#sep>, </#list>]
      dns          = [<#list ct.dns as d>"[=d]"<#sep>, </#list>]

      startup = {
        order      = [=ct.startupOrder?c]
        up_delay   = <#if ct.upDelay??>[=ct.upDelay?c]<#else>null</#if>
        down_delay = <#if ct.downDelay??>[=ct.downDelay?c]<#else>null</#if>
      }

      nics = [
<#list ct.nics as n>
        { vnet = <#if n.vnet??>"[=n.vnet]"<#else>null</#if>, bridge = <#if n.bridge??>"[=n.bridge]"<#else>null</#if>, mac_address = "[=n.mac]", mtu = [=n.mtu?c], address = "[=ct.ips[n?index].address]", gateway = <#if ct.ips[n?index].gateway??>"[=ct.ips[n?index].gateway]"<#else>null</#if> },
</#list>
      ]

      volumes = [<#list ct.volumes as m>{ datastore = "[=m.datastore]", size_gib = [=m.sizeGib?c], path = "[=m.path]" }<#sep>, </#list>]
    }
</#list>
  }

</#if>
  image_ids = { for key, file in proxmox_download_file.image : key => file.id }
  iso_ids   = merge(local.image_ids, { for key, file in proxmox_virtual_environment_file.iso : key => file.id })
}

resource "proxmox_download_file" "image" {
  for_each = local.downloads

  node_name          = each.value.node
  datastore_id       = "local"
  content_type       = each.value.content_type
  url                = each.value.url
  file_name          = each.value.file_name
  checksum           = each.value.checksum
  checksum_algorithm = each.value.checksum_algorithm
  overwrite          = false

  # A container template of this name is often on the node already (pveam download, or the template
  # an adopted container was made from); PVE reads it only when a container is made, so it is taken
  # over rather than refused (the provider errors on an unmanaged file of the same name otherwise).
  overwrite_unmanaged = each.value.content_type == "vztmpl"

  # PVE decompresses ISO downloads only (pve-storage API2/Storage/Status.pm), into file_name.
  decompression_algorithm = each.value.decompression

  # The provider's default (600 s) bounds the whole download task: too short for a 2 GB image on a
  # home link. An hour is 2 GB at 5 Mbit/s.
  upload_timeout = 3600
}

resource "proxmox_virtual_environment_file" "iso" {
  for_each = local.uploads

  content_type = "iso"
  datastore_id = "local"
  node_name    = each.value.node
  # The provider's default is 1800 s; the operator's uplink may be slower than a PVE node's.
  timeout_upload = 3600

  source_file {
    path = each.value.path
  }
}

resource "proxmox_hardware_mapping_pci" "device" {
  for_each = local.pci_mappings

  name    = each.key
  comment = each.value.comment
  map = [{
    node         = each.value.node
    id           = each.value.id
    path         = each.value.path
    subsystem_id = each.value.subsystem_id
    iommu_group  = each.value.iommu_group
  }]
}

<#if v.pciMappingsByName?has_content>
# Every PCI mapping a VM may use, by name: those above, and those the cluster has that the site adopts
# without an address ([=v.pciMappingsByName?join(", ")]), which Terraform leaves as they are.
locals {
  pci_mapping_names = merge({ for name, m in proxmox_hardware_mapping_pci.device : name => m.name }, {
<#list v.pciMappingsByName as m>
    "[=m]" = "[=m]"
</#list>
  })
}

</#if>
resource "proxmox_virtual_environment_pool" "role" {
  for_each = local.pools

  pool_id = each.key
  comment = each.value.comment
}

<#if v.hasSdn()>
module "sdn" {
  source = "../../modules/sdn"

  zone   = "[=v.sdnZone]"
  bridge = "[=v.sdnBridge]"
  mtu    = [=v.sdnMtu?c]
  nodes  = [<#list v.nodes as n>"[=n.name]"<#sep>, </#list>]
  vnets  = local.vnets
}

</#if>
<#-- A NIC on a tagged network is on its SDN vnet; an untagged one straight on its node bridge. -->
<#macro nicBridge><#if v.hasSdn()>nic.vnet == null ? nic.bridge : module.sdn.vnets[nic.vnet]<#else>nic.bridge</#if></#macro>
# An adopted VM (existing) stays in the pool it is in: the provider leaves a VM's pool alone when
# pool_id is null (resource/vm/vm.go: its DiffSuppressFunc and vmUpdatePool skip an empty new value).
module "vm" {
  source   = "../../modules/vm"
  for_each = local.vms

  name        = each.key
  node_name   = each.value.node
  vm_id       = each.value.vm_id
  adopted     = each.value.existing
  description = each.value.description
  tags        = each.value.tags
  pool_id     = each.value.existing ? null : proxmox_virtual_environment_pool.role[each.value.pool].pool_id
  pet         = each.value.pet
  on_boot     = each.value.on_boot
  startup     = each.value.startup
  cores       = each.value.cores
  memory_mib  = each.value.memory_mib
  balloon_mib = each.value.balloon_mib
  cpu_type    = each.value.cpu_type
  bios        = each.value.bios
  machine     = each.value.machine
  os_type     = each.value.os_type
  secure_boot = each.value.secure_boot
  tpm         = each.value.tpm
  agent       = each.value.agent
  agent_trim  = each.value.agent_trim
  serial      = each.value.serial
  addresses   = each.value.addresses

  # Read at create only: Ansible starts a VM created stopped once the drives it adds are in.
  start_at_create = each.value.start

  # Read at create only too: an adopted VM keeps the SCSI controller its guest's drivers expect.
  scsi_hardware = each.value.scsi

  datastore_id          = each.value.datastore
  snippets_datastore_id = each.value.snippets
  iso_file_id           = each.value.iso == null ? null : local.iso_ids[each.value.iso]
  clone                 = each.value.clone
  disks = [for disk in each.value.disks : {
    interface    = disk.interface
    size_gib     = disk.size_gib
    datastore_id = disk.datastore
    file_format  = disk.format
    import_from  = disk.image != null ? local.image_ids[disk.image] : disk.file
  }]

  nics = [for nic in each.value.nics : { bridge = <@nicBridge/>, mac_address = nic.mac_address, mtu = nic.mtu }]
<#if v.pciMappingsByName?has_content>
  pci  = [for device in each.value.pci : merge(device, { mapping = device.id == null ? local.pci_mapping_names[device.mapping] : null })]
<#else>
  pci  = [for device in each.value.pci : merge(device, { mapping = device.id == null ? proxmox_hardware_mapping_pci.device[device.mapping].name : null })]
</#if>

  cloud_init = each.value.cloud_init ? {
    user_data      = file("${local.cloud_init_dir}/${each.key}/user-data")
    meta_data      = file("${local.cloud_init_dir}/${each.key}/meta-data")
    network_config = file("${local.cloud_init_dir}/${each.key}/network-config")
  } : null
}
<#if v.containers?has_content>

# An adopted container (existing) stays in the pool it is in: the provider never reads pool_id back
# (resource/container containerRead) and it is ForceNew, so any value would replace it.
module "container" {
  source   = "../../modules/container"
  for_each = local.containers

  name             = each.key
  domain           = "[=v.domain]"
  node_name        = each.value.node
  vm_id            = each.value.vm_id
  description      = each.value.description
  tags             = each.value.tags
  pool_id          = each.value.existing ? null : proxmox_virtual_environment_pool.role["[=v.containerPool]"].pool_id
  pet              = each.value.pet
  on_boot          = each.value.on_boot
  startup          = each.value.startup
  cores            = each.value.cores
  memory_mib       = each.value.memory_mib
  swap_mib         = each.value.swap_mib
  template_file_id = local.image_ids[each.value.template]
  os_type          = each.value.os_type
  unprivileged     = each.value.unprivileged
  nesting          = each.value.nesting
  datastore_id     = each.value.datastore
  disk_gib         = each.value.disk_gib
  dns_servers      = each.value.dns
  ssh_keys         = var.ssh_authorized_keys
  volumes          = each.value.volumes

  nics = [for nic in each.value.nics : {
    bridge      = <@nicBridge/>
    mac_address = nic.mac_address
    mtu         = nic.mtu
    address     = nic.address
    gateway     = nic.gateway
  }]
}
</#if>
<#list v.vms?filter(vm -> vm.pet) as vm>

# [=vm.name] is a pet: if it was cattle before, its VM moves under the protected resource instead of
# being replaced. (It leaves only with allow_replace: prevent_destroy stops a pet from being destroyed.)
moved {
  from = module.vm["[=vm.name]"].proxmox_virtual_environment_vm.cattle[0]
  to   = module.vm["[=vm.name]"].proxmox_virtual_environment_vm.pet[0]
}
</#list>
<#list v.vms?filter(vm -> vm.allowReplace) as vm>

# [=vm.name] has allow_replace: for this generation its VM moves out of the protected resource, so
# that Terraform may replace or delete it. Remove allow_replace once that is applied.
moved {
  from = module.vm["[=vm.name]"].proxmox_virtual_environment_vm.pet[0]
  to   = module.vm["[=vm.name]"].proxmox_virtual_environment_vm.cattle[0]
}
</#list>
<#list v.containers?filter(ct -> ct.pet) as ct>

# [=ct.name] is a pet: if it was cattle before, its container moves under the protected resource.
moved {
  from = module.container["[=ct.name]"].proxmox_virtual_environment_container.cattle[0]
  to   = module.container["[=ct.name]"].proxmox_virtual_environment_container.pet[0]
}
</#list>
<#list v.containers?filter(ct -> ct.allowReplace) as ct>

# [=ct.name] has allow_replace: for this generation its container moves out of the protected
# resource, so that Terraform may replace or delete it. Remove allow_replace once that is applied.
moved {
  from = module.container["[=ct.name]"].proxmox_virtual_environment_container.pet[0]
  to   = module.container["[=ct.name]"].proxmox_virtual_environment_container.cattle[0]
}
</#list>
<#list v.pciMappings?filter(m -> m.existing) as m>

# The PCI mapping [=m.name] exists already: Terraform adopts it instead of creating it again, which PVE
# would refuse (the provider's import id is the mapping's name).
import {
  to = proxmox_hardware_mapping_pci.device["[=m.name]"]
  id = "[=m.name]"
}
</#list>
<#list v.vms?filter(vm -> vm.existing) as vm>

# [=vm.name] exists already: Terraform adopts VM [=vm.vmId?c] on [=vm.node] instead of creating it (the
# provider's import id is node/vm_id). Once applied, the block has done its work and may stay.
import {
  to = module.vm["[=vm.name]"].proxmox_virtual_environment_vm.<#if vm.pet>pet<#else>cattle</#if>[0]
  id = "[=vm.node]/[=vm.vmId?c]"
}
</#list>
<#list v.containers?filter(ct -> ct.existing) as ct>

# [=ct.name] exists already: Terraform adopts container [=ct.vmId?c] on [=ct.node] instead of creating it.
import {
  to = module.container["[=ct.name]"].proxmox_virtual_environment_container.<#if ct.pet>pet<#else>cattle</#if>[0]
  id = "[=ct.node]/[=ct.vmId?c]"
}
</#list>
<#list v.backups as b>

module "backup_[=b.storageId?replace("-", "_")]" {
  source = "../../modules/backup"

  storage_id  = "[=b.storageId]"
  server      = "[=b.server]"
  datastore   = "[=b.datastore]"
  username    = "[=b.username]"
  password    = var.pbs_password
  fingerprint = var.pbs_fingerprints["[=b.storageId]"]
  nodes       = [<#list v.nodes as n>"[=n.name]"<#sep>, </#list>]
  schedule    = "[=b.schedule]"
  vm_ids      = [<#list b.vmIds as id>"[=id]"<#sep>, </#list>]

  prune = { <#list b.prune as p>"[=p.key]" = "[=p.value]"<#sep>, </#list> }

  depends_on = [module.vm]
}
</#list>
