terraform {
  required_providers {
    proxmox = {
      source  = "bpg/proxmox"
      version = "~> 0.111.1"
    }
  }
}

resource "proxmox_virtual_environment_vm" "vm" {
  for_each  = toset(["a", "b"])
  node_name = "pve1"
  name      = each.key
  disk {
    interface    = "scsi0"
    datastore_id = "local-zfs"
    size         = 10
  }
  dynamic "hostpci" {
    for_each = []
    content {
      device  = "hostpci0"
      mapping = hostpci.value
    }
  }
}
