# A broken sample: the provider's schema says cores is a number and has no setting called colour.
resource "proxmox_virtual_environment_vm" "vm" {
  node_name = "pve1"

  cpu {
    cores = "many"
  }

  colour = "blue"
}
