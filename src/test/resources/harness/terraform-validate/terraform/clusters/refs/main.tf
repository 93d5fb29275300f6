# A broken sample: references that resolve nowhere.
locals {
  names = ["a"]
}

module "thing" {
  source = "../../modules/thing"

  name = var.missing_variable
}

resource "proxmox_virtual_environment_pool" "pool" {
  pool_id = "${local.nope}-${module.thing.no_such_output}-${module.other.id}"
  comment = proxmox_virtual_environment_pool.undeclared.comment
}

moved {
  from = module.thing.proxmox_virtual_environment_pool.gone
  to   = module.thing.proxmox_virtual_environment_pool.this
}
