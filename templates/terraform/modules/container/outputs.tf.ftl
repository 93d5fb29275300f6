output "id" {
  description = "The container's VMID."
  value       = one(concat(proxmox_virtual_environment_container.cattle[*].vm_id, proxmox_virtual_environment_container.pet[*].vm_id))
}

output "name" {
  description = "The container's hostname."
  value       = var.name
}

output "node" {
  description = "The node the container runs on."
  value       = var.node_name
}
