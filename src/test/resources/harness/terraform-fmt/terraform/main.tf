resource "proxmox_virtual_environment_vm" "a" {
  node_name = "pve1"
  name = "a"
}
