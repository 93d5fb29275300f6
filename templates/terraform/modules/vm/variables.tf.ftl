variable "name" {
  description = "Name of the VM: its hostname."
  type        = string
}

variable "node_name" {
  description = "Proxmox VE node the VM runs on."
  type        = string
}

variable "vm_id" {
  description = "Proxmox VMID. Stable for the VM's life: a new VMID replaces the VM."
  type        = number

  validation {
    condition     = var.vm_id >= 100 && var.vm_id <= 999999999
    error_message = "A VMID is a whole number from 100 to 999999999."
  }
}

variable "adopted" {
  description = "The VM existed before sitec (an import block adopts it): it keeps its boot order, and an agent it does not run stays unconfigured."
  type        = bool
  default     = false
}

variable "description" {
  description = "Notes shown in the Proxmox UI."
  type        = string
  default     = ""
}

variable "tags" {
  description = "Proxmox tags (lower case; stored sorted)."
  type        = list(string)
  default     = []
}

variable "pool_id" {
  description = "Resource pool the VM belongs to, or null."
  type        = string
  default     = null
}

variable "pet" {
  description = "A pet holds data: Proxmox protects it and Terraform refuses to destroy it."
  type        = bool
  default     = false
}

variable "start_at_create" {
  description = "Start the VM when Terraform creates it. False for a VM whose drives Ansible adds before its first start (a Windows VM's drivers CD-ROM): Ansible starts it then."
  type        = bool
  default     = true
}

variable "on_boot" {
  description = "Start the VM when its node boots."
  type        = bool
  default     = true
}

variable "startup" {
  description = "Boot order among the node's guests, and seconds to wait after starting (up) or stopping (down) it."
  type = object({
    order      = number
    up_delay   = optional(number, 0)
    down_delay = optional(number)
  })
  default = null
}

variable "cores" {
  description = "vCPU cores."
  type        = number
  default     = 2

  validation {
    condition     = var.cores >= 1
    error_message = "A VM needs at least one core."
  }
}

variable "memory_mib" {
  description = "Memory in MiB, all of it dedicated (no ballooning)."
  type        = number

  validation {
    condition     = var.memory_mib >= 256
    error_message = "A VM needs at least 256 MiB."
  }
}

variable "balloon_mib" {
  description = "Minimum memory in MiB the balloon may shrink the VM to; 0 for no balloon (all memory dedicated)."
  type        = number
  default     = 0
}

variable "os_type" {
  description = "Proxmox OS type: l26 (Linux), win11 (Windows 11, Server 2022 and 2025) or other."
  type        = string
  default     = "l26"
}

variable "secure_boot" {
  description = "Enroll Microsoft's Secure Boot keys in the EFI disk (OVMF only)."
  type        = bool
  default     = false
}

variable "tpm" {
  description = "Give the VM a TPM 2.0 (its state on datastore_id)."
  type        = bool
  default     = false
}

variable "cpu_type" {
  description = "QEMU CPU model: a migratable model such as x86-64-v2-AES, or host for passthrough."
  type        = string
  default     = "x86-64-v2-AES"
}

variable "scsi_hardware" {
  description = "SCSI controller (PVE's scsihw), read when the VM is created: virtio-scsi-single, or an adopted VM's own."
  type        = string
  default     = "virtio-scsi-single"
}

variable "bios" {
  description = "Firmware: seabios, or ovmf (UEFI, with an EFI disk) for PCIe passthrough."
  type        = string
  default     = "seabios"

  validation {
    condition     = contains(["seabios", "ovmf"], var.bios)
    error_message = "The firmware is seabios or ovmf."
  }
}

variable "machine" {
  description = "QEMU machine type (q35 for PCIe passthrough), or null for Proxmox's default."
  type        = string
  default     = null
}

variable "serial" {
  description = "Whether the VM has a serial port as its console (socket)."
  type        = bool
  default     = false
}

variable "agent" {
  description = "Whether the guest runs the QEMU guest agent (Proxmox reads addresses and shuts down through it)."
  type        = bool
  default     = true
}

variable "agent_trim" {
  description = "Whether the guest agent trims the disks after a disk move or a migration (PVE's fstrim_cloned_disks)."
  type        = bool
  default     = true
}

variable "datastore_id" {
  description = "Datastore of the VM's disks (local-zfs, local-lvm or local-btrfs, after the node's boot filesystem)."
  type        = string
}

variable "disks" {
  description = "Disks in order (scsi0 boots), each on its datastore in its volume format (raw, qcow2 or vmdk); import_from is the file id of a disk image to import into the disk."
  type = list(object({
    interface    = string
    size_gib     = number
    datastore_id = string
    file_format  = optional(string, "raw")
    import_from  = optional(string)
  }))

  validation {
    condition     = length(var.disks) > 0
    error_message = "A VM needs at least one disk."
  }
}

variable "clone" {
  description = "The template VM this VM is cloned from (its VMID and node), a full copy or a linked clone, and the datastore a full copy goes to (null for a linked clone); null for a VM from a downloaded image or an ISO. Read at create: a change replaces the VM."
  type = object({
    vm_id     = number
    node      = string
    full      = optional(bool, true)
    datastore = optional(string)
  })
  default = null
}

variable "iso_file_id" {
  description = "File id of an installer ISO to attach as a CD-ROM, or null."
  type        = string
  default     = null
}

variable "nics" {
  description = "NICs in order: the SDN vnet each is on, its stable MAC and its MTU."
  type = list(object({
    bridge      = string
    mac_address = string
    mtu         = optional(number, 1500)
  }))
}

variable "pci" {
  description = "PCI devices passed through, by cluster hardware mapping, or by the address an adopted VM has (id, as only root@pam may set it); xvga makes one the primary display."
  type = list(object({
    mapping = optional(string)
    id      = optional(string)
    pcie    = optional(bool, true)
    xvga    = optional(bool, false)
  }))
  default = []
}

variable "cloud_init" {
  description = "cloud-init user-data, meta-data and network-config contents, uploaded as snippets; null for VMs installed from an ISO."
  type = object({
    user_data      = string
    meta_data      = string
    network_config = string
  })
  default = null
}

variable "snippets_datastore_id" {
  description = "Datastore the cloud-init snippets are uploaded to; it must allow the snippets content type."
  type        = string
  default     = "local"
}

variable "addresses" {
  description = "The VM's static addresses by network, for the outputs."
  type        = map(string)
  default     = {}
}
