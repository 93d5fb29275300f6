output "vnets" {
  description = "The vnet IDs, by vnet ID: reference them to depend on the vnet existing."
  value       = { for id, vnet in proxmox_sdn_vnet.this : id => vnet.id }
}
