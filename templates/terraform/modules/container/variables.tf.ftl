variable "name" {
  description = "Hostname of the container."
  type        = string
}

variable "domain" {
  description = "DNS search domain inside the container."
  type        = string
}

variable "node_name" {
  description = "The Proxmox VE node the container runs on."
  type        = string
}

variable "vm_id" {
  description = "Proxmox VMID; containers and VMs share one id space."
  type        = number
}

variable "description" {
  description = "Free text shown in the Proxmox UI."
  type        = string
  default     = ""
}

variable "tags" {
  description = "Proxmox tags."
  type        = list(string)
  default     = []
}

variable "pool_id" {
  description = "Resource pool the container belongs to."
  type        = string
  default     = null
}

variable "pet" {
  description = "A pet holds data: protected, and never destroyed by Terraform."
  type        = bool
  default     = false
}

variable "on_boot" {
  description = "Start the container when its node boots."
  type        = bool
  default     = true
}

variable "startup" {
  description = "Boot order among the node's guests, and seconds to wait after starting (up) or stopping (down) it."
  type = object({
    order      = number
    up_delay   = optional(number)
    down_delay = optional(number)
  })
  default = null
}

variable "cores" {
  description = "CPU cores."
  type        = number
  default     = 1
}

variable "memory_mib" {
  description = "Memory in MiB."
  type        = number
  default     = 512
}

variable "swap_mib" {
  description = "Swap in MiB."
  type        = number
  default     = 512
}

variable "template_file_id" {
  description = "The container template (vztmpl volume id) the root filesystem is made from."
  type        = string
}

variable "os_type" {
  description = "The distribution the template holds (debian, alpine, ...): Proxmox VE sets up the container's network, hostname, DNS and SSH keys for it. Read when the container is created."
  type        = string
}

variable "unprivileged" {
  description = "Run the container with user namespaces (root inside is not root on the node)."
  type        = bool
  default     = true
}

variable "nesting" {
  description = "Allow nesting (systemd in newer distributions wants it; Docker needs it). Only for an unprivileged container: a token may not set a privileged one's features (Ansible does, as root)."
  type        = bool
  default     = false
}

variable "datastore_id" {
  description = "Datastore of the root filesystem."
  type        = string
}

variable "disk_gib" {
  description = "Size of the root filesystem in GiB."
  type        = number
  default     = 8
}

variable "dns_servers" {
  description = "DNS servers; empty to take the node's (or DHCP's)."
  type        = list(string)
  default     = []
}

variable "ssh_keys" {
  description = "Public keys root accepts."
  type        = list(string)
  default     = []
}

variable "nics" {
  description = "Network interfaces in order (eth0, eth1, ...): bridge, stable MAC, MTU, and a CIDR address or \"dhcp\"."
  type = list(object({
    bridge      = string
    mac_address = string
    mtu         = number
    address     = string
    gateway     = optional(string)
  }))
}

variable "volumes" {
  description = "Volume mount points: a new volume of size_gib on a datastore, mounted at path."
  type = list(object({
    datastore = string
    size_gib  = number
    path      = string
  }))
  default = []
}
