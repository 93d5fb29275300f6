output "storage_id" {
  description = "ID of the PBS storage in Proxmox VE."
  value       = proxmox_storage_pbs.this.id
}
