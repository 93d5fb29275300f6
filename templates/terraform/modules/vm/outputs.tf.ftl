output "id" {
  description = "The VM's VMID."
  value       = one(concat(proxmox_virtual_environment_vm.cattle[*].vm_id, proxmox_virtual_environment_vm.pet[*].vm_id))
}

output "name" {
  description = "The VM's name."
  value       = var.name
}

output "node" {
  description = "The node the VM runs on."
  value       = var.node_name
}

output "addresses" {
  description = "The VM's static addresses, by network."
  value       = var.addresses
}
