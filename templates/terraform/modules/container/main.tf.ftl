# One LXC container. Cattle and pets differ only in their lifecycle, which Terraform cannot set from a
# variable: each container is one of two otherwise identical resources, chosen by var.pet.
#
# Left to Ansible, as root (pve-container check_ct_modify_config_perm refuses an API token): bind
# mounts, device nodes and every feature but nesting, and on a privileged container every feature
# (nesting too: "changing feature flags for privileged container is only allowed for root@pam").
# Terraform ignores those settings once made.

<#macro container>
  node_name     = var.node_name
  vm_id         = var.vm_id
  description   = var.description
  tags          = sort(var.tags)
  pool_id       = var.pool_id
  start_on_boot = var.on_boot
  started       = true
  protection    = var.pet
  unprivileged  = var.unprivileged

  cpu {
    cores = var.cores
  }

  memory {
    dedicated = var.memory_mib
    swap      = var.swap_mib
  }

  disk {
    datastore_id = var.datastore_id
    size         = var.disk_gib
  }

  operating_system {
    template_file_id = var.template_file_id
    # Without a type the provider sends ostype=unmanaged, and PVE then writes no network, hostname,
    # DNS or SSH keys into the container (pve-container src/PVE/LXC/Setup/Unmanaged.pm).
    type = var.os_type
  }

  features {
    nesting = var.nesting
  }

  dynamic "startup" {
    for_each = var.startup == null ? [] : [var.startup]
    content {
      order      = startup.value.order
      up_delay   = startup.value.up_delay
      down_delay = startup.value.down_delay
    }
  }

  initialization {
    hostname = var.name

    # The provider wants at least one server once the list is set (MinItems 1); a container on DHCP
    # takes its servers from the lease, so the list is left unset.
    dns {
      domain  = var.domain
      servers = length(var.dns_servers) == 0 ? null : var.dns_servers
    }

    dynamic "ip_config" {
      for_each = var.nics
      content {
        ipv4 {
          address = ip_config.value.address
          gateway = ip_config.value.gateway
        }
      }
    }

    user_account {
      keys = var.ssh_keys
    }
  }

  dynamic "network_interface" {
    for_each = var.nics
    content {
      name        = "eth${network_interface.key}"
      bridge      = network_interface.value.bridge
      mac_address = network_interface.value.mac_address
      mtu         = network_interface.value.mtu
      firewall    = false
    }
  }

  dynamic "mount_point" {
    for_each = var.volumes
    content {
      volume = mount_point.value.datastore
      size   = "${mount_point.value.size_gib}G"
      path   = mount_point.value.path
    }
  }
</#macro>
<#-- Why each lifecycle rule, once for both twins. -->
<#macro ignored>
    # - initialization[0].user_account: the keys are ForceNew in the provider (resource/container),
    #   so a key edit would replace the container; a running container keeps the keys it was made
    #   with (rebuild a cattle container to give it new ones).
    # - mount_point, device_passthrough, features: Ansible adds bind mounts, devices and features as
    #   root; mount points are ForceNew, and a read-back bind mount would replace the container.
    # - operating_system[0].template_file_id: ForceNew, and the provider never reads it back
    #   (containerRead keeps the state's), so an adopted container (imported with none) would be
    #   replaced; like a VM's image, the template is read when the container is created only.
    # - operating_system[0].type: ForceNew with the block; PVE keeps the type it detects in the
    #   template (pve-container src/PVE/LXC/Setup.pm new), read at create like the template.
    ignore_changes = [initialization[0].user_account, mount_point, device_passthrough, features, operating_system[0].template_file_id, operating_system[0].type]
</#macro>
resource "proxmox_virtual_environment_container" "cattle" {
  count = var.pet ? 0 : 1

<@container/>

  lifecycle {
<@ignored/>
  }
}

resource "proxmox_virtual_environment_container" "pet" {
  count = var.pet ? 1 : 0

<@container/>

  lifecycle {
    prevent_destroy = true
<@ignored/>
  }
}
