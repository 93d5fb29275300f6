# A broken sample for tflint's recommended rules: a variable nothing uses, an interpolation-only
# expression, and a provider without a version constraint.
variable "unused" {
  type = string
}

variable "name" {
  type = string
}

resource "proxmox_virtual_environment_pool" "this" {
  pool_id = "${var.name}"
}

terraform {
  required_providers {
    proxmox = {
      source = "bpg/proxmox"
    }
  }
}
