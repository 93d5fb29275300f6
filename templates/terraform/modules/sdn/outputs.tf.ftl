output "vnets" {
  description = "The vnet IDs, by vnet ID: reference them to depend on the vnet existing and applied."
  value       = { for id, vnet in proxmox_sdn_vnet.this : id => vnet.id }
  depends_on  = [proxmox_sdn_applier.this]
}
