locals {
  names = ["a"]
}

module "thing" {
  source = "../modules/thing"

  size  = var.missing_variable
  color = "red"
}

resource "proxmox_virtual_environment_pool" "pool" {
  pool_id = "${local.nope}-${module.thing.no_such_output}-${module.other.id}"
  comment = proxmox_virtual_environment_pool.undeclared.comment
}

moved {
  from = module.thing.proxmox_virtual_environment_pool.gone
  to   = module.thing.proxmox_virtual_environment_pool.this
}
