variable "name" {
  type = string
}

variable "size" {
  type    = number
  default = 1
}

resource "proxmox_virtual_environment_pool" "this" {
  pool_id = var.name
}

output "id" {
  value = proxmox_virtual_environment_pool.this.pool_id
}
