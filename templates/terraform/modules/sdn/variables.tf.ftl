variable "zone" {
  description = "ID of the SDN VLAN zone (at most 8 characters)."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9]{0,7}$", var.zone))
    error_message = "An SDN zone ID is a lower-case letter followed by at most 7 letters or digits."
  }
}

variable "bridge" {
  description = "The nodes' Linux bridge that carries the VLANs to the switch (the installer's vmbr0)."
  type        = string
  default     = "vmbr0"
}

variable "mtu" {
  description = "MTU of the zone's vnet bridges: the largest MTU of the networks on it (the node bridge must carry it)."
  type        = number
  default     = 1500

  validation {
    condition     = var.mtu >= 576 && var.mtu <= 9216
    error_message = "An MTU is from 576 to 9216."
  }
}

variable "nodes" {
  description = "Nodes the zone is deployed on."
  type        = list(string)
}

variable "vnets" {
  description = "One vnet per site network: its ID (at most 8 characters), alias and VLAN tag."
  type = map(object({
    alias = string
    tag   = number
  }))

  validation {
    condition     = alltrue([for id, vnet in var.vnets : can(regex("^[a-z][a-z0-9]{0,7}$", id)) && vnet.tag >= 1 && vnet.tag <= 4094])
    error_message = "A vnet ID is at most 8 lower-case letters or digits, and its tag a VLAN id from 1 to 4094."
  }
}
