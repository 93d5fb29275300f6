# One VM. Cattle and pets differ only in their lifecycle, which Terraform cannot set from a variable:
# each VM is one of two otherwise identical resources, chosen by var.pet.

locals {
  snippets = var.cloud_init == null ? {} : {
    user-data      = var.cloud_init.user_data
    meta-data      = var.cloud_init.meta_data
    network-config = var.cloud_init.network_config
  }
}

resource "proxmox_virtual_environment_file" "cloud_init" {
  for_each = local.snippets

  content_type = "snippets"
  datastore_id = var.snippets_datastore_id
  node_name    = var.node_name

  source_raw {
    data      = each.value
    file_name = "${var.name}-${each.key}.yaml"
  }
}

<#macro vm>
  name        = var.name
  node_name   = var.node_name
  vm_id       = var.vm_id
  description = var.description
  tags        = sort(var.tags)
  pool_id     = var.pool_id
  on_boot     = var.on_boot
  started     = var.start_at_create
  protection  = var.pet
  bios        = var.bios
  machine     = var.machine

  # A pet moves to another node by migration (with its disks), never by being made again.
  migrate = var.pet

  scsi_hardware = var.scsi_hardware
  # An adopted VM keeps its boot order: the provider reads boot_order back (Optional and Computed),
  # and a change would restart the VM (resource/vm/vm.go vmUpdate sets rebootRequired for it).
  boot_order      = var.adopted ? null : (var.iso_file_id == null ? [var.disks[0].interface] : [var.disks[0].interface, "ide3"])
  stop_on_destroy = true

  # An adopted VM without an agent has no agent block: the provider reads no block back for an absent
  # or disabled agent line, and one written would restart the VM (vmUpdate, rebootRequired).
  dynamic "agent" {
    for_each = var.adopted && !var.agent ? [] : [1]
    content {
      enabled = var.agent
      trim    = var.agent_trim
    }
  }

  cpu {
    cores = var.cores
    type  = var.cpu_type
  }

  # floating is the balloon's minimum: 0 means no balloon, all memory dedicated (PCI passthrough pins
  # guest memory anyway, so a rule refuses ballooning with it).
  memory {
    dedicated = var.memory_mib
    floating  = var.balloon_mib
  }

  operating_system {
    type = var.os_type
  }

  dynamic "startup" {
    for_each = var.startup == null ? [] : [var.startup]
    content {
      order      = startup.value.order
      up_delay   = startup.value.up_delay
      down_delay = startup.value.down_delay
    }
  }

  # Secure Boot (Windows 11) needs Microsoft's keys enrolled in the EFI vars from the start.
  dynamic "efi_disk" {
    for_each = var.bios == "ovmf" ? [1] : []
    content {
      datastore_id      = var.datastore_id
      type              = "4m"
      pre_enrolled_keys = var.secure_boot
    }
  }

  dynamic "tpm_state" {
    for_each = var.tpm ? [1] : []
    content {
      datastore_id = var.datastore_id
      version      = "v2.0"
    }
  }

  # A clone of a template VM: the provider clones it (onto this node directly when the template's
  # disks are on shared storage; else on the template's node, then migrates the copy with its disks),
  # applies this resource's settings to the copy, and grows each disk named here on the same interface;
  # it never shrinks one (proxmoxtf/resource/vm/vm.go vmCreateClone, resource/vm/disk/disk.go
  # UpdateClone). Every clone attribute is ForceNew: a new source replaces the VM.
  dynamic "clone" {
    for_each = var.clone == null ? [] : [var.clone]
    content {
      vm_id        = clone.value.vm_id
      node_name    = clone.value.node
      full         = clone.value.full
      datastore_id = clone.value.datastore
      # Clones of one template started together can meet its storage lock (cfs-lock timeouts): the
      # provider retries the clone call this many times (proxmox/nodes/vms CloneVM).
      retries = 3
    }
  }

  dynamic "disk" {
    for_each = var.disks
    content {
      # The provider reads an existing disk's format back and never converts it (resource/vm/disk
      # disk.go Read and Update): an adopted disk says its own.
      datastore_id = disk.value.datastore_id
      interface    = disk.value.interface
      size         = disk.value.size_gib
      import_from  = disk.value.import_from
      file_format  = disk.value.file_format
      discard      = "on"
      # The provider sends ssd for all but virtio disks and iothread for all but SATA and IDE ones,
      # as qemu-server's drive formats have them (resource/vm/disk/disk.go; QemuServer/Drive.pm):
      # set elsewhere, the value is never read back and every plan shows it again.
      iothread = !startswith(disk.value.interface, "sata") && !startswith(disk.value.interface, "ide")
      ssd      = !startswith(disk.value.interface, "virtio")
    }
  }

  dynamic "cdrom" {
    for_each = var.iso_file_id == null ? [] : [var.iso_file_id]
    content {
      file_id   = cdrom.value
      interface = "ide3"
    }
  }

  dynamic "network_device" {
    for_each = var.nics
    content {
      bridge      = network_device.value.bridge
      mac_address = network_device.value.mac_address
      mtu         = network_device.value.mtu
      model       = "virtio"
      firewall    = false
    }
  }

  dynamic "hostpci" {
    for_each = var.pci
    content {
      device  = "hostpci${hostpci.key}"
      mapping = hostpci.value.mapping
      id      = hostpci.value.id
      pcie    = hostpci.value.pcie
      rombar  = true
      xvga    = hostpci.value.xvga
    }
  }

  # Cloud images log to the serial console (and an adopted VM keeps the one it has).
  dynamic "serial_device" {
    for_each = var.serial ? [1] : []
    content {
      device = "socket"
    }
  }

  dynamic "initialization" {
    for_each = var.cloud_init == null ? [] : [1]
    content {
      datastore_id         = var.datastore_id
      interface            = "ide2"
      user_data_file_id    = proxmox_virtual_environment_file.cloud_init["user-data"].id
      meta_data_file_id    = proxmox_virtual_environment_file.cloud_init["meta-data"].id
      network_data_file_id = proxmox_virtual_environment_file.cloud_init["network-config"].id
    }
  }
</#macro>
<#-- Why each lifecycle rule, once for both twins. -->
<#macro ignored pet=false>
    # - initialization: a snippet's data and the VM's *_file_id are ForceNew in the provider
    #   (proxmoxtf/resource/file.go, resource/vm/vm.go), so an edited user-data would replace every
    #   VM using it. cloud-init reads its files once, at first boot: a running guest gets a change
    #   through Ansible, or by rebuilding that one cattle VM (see the runbook).
    # - usb: Ansible attaches USB devices as root (PVE lets only root@pam pass a device by port,
    #   and a mapping's id is checked at every start, which a Coral TPU changes once it has firmware).
    # - machine: PVE pins a Windows VM's machine type to its version at create (pc-q35-10.0+pve1;
    #   qemu-server Machine.pm check_and_pin_machine_string), and an adopted VM has the version it was
    #   made with: resetting it to q35 would reboot the guest into new hardware. Read at create only.
    # - started: read at create only. A Windows VM whose drivers CD-ROM Ansible attaches is created
    #   stopped: qemu-server never hotplugs a new IDE or SATA drive (QemuServer.pm
    #   vmconfig_update_disk), so a drive added to the running VM would wait for its next start and
    #   Windows Setup would find no disk. Ansible starts it once the drive is in. Afterwards whether a
    #   guest runs is its owner's: Terraform does not start a guest someone stopped.
    # - scsi_hardware: the controller a guest's drivers expect, like machine read at create only. An
    #   adopted VM without a scsihw line runs PVE's default (lsi), which the provider reads as no
    #   value, so any value written would restart it (vmUpdate sets rebootRequired for scsi_hardware).
<#if pet>
    # - clone: a pet keeps the disks it has; a rebuilt template serves the VMs made from now on.
</#if>
    ignore_changes = [initialization, usb, machine, started, scsi_hardware<#if pet>, clone</#if>]
</#macro>
resource "proxmox_virtual_environment_vm" "cattle" {
  count = var.pet ? 0 : 1

<@vm/>

  lifecycle {
<@ignored/>
  }
}

resource "proxmox_virtual_environment_vm" "pet" {
  count = var.pet ? 1 : 0

<@vm/>

  lifecycle {
    prevent_destroy = true
<@ignored pet=true/>
  }
}
