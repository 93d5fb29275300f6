resource "proxmox_virtual_environment_download_file" "image" {
  content_type = "iso"
  datastore_id = "local"
  node_name    = "pve1"
  url          = "https://example.org/a.iso"
}

resource "proxmox_vm" "experimental" {
  node_name = "pve1"
}

resource "proxmox_virtual_environment_vm" "vm" {
  node_name       = "pve1"
  name            = "vm"
  ipv4_addresses  = []
  no_such_setting = true
  disk {
    size = 10
  }
  agent = true
}
