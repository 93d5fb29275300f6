resource "proxmox_storage_pbs" "this" {
  id          = var.storage_id
  server      = var.server
  datastore   = var.datastore
  username    = var.username
  password    = var.password
  fingerprint = var.fingerprint
  nodes       = var.nodes
  content     = ["backup"]
}

resource "proxmox_backup_job" "this" {
  count = length(var.vm_ids) > 0 ? 1 : 0

  id            = "sitec-${var.storage_id}"
  storage       = proxmox_storage_pbs.this.id
  schedule      = var.schedule
  vmid          = var.vm_ids
  mode          = "snapshot"
  compress      = "zstd"
  prune_backups = var.prune
  enabled       = true

  # No mailto or mailnotification: PVE 9 marks both deprecated (pve-guest-common VZDump/Common.pm),
  # and without mailto its default notification-mode "auto" sends job results through the
  # notification system, whose default target mails root@pam (the installer's mailto, the site's
  # admin_email).
}
