output "vms" {
  description = "Every VM of the cluster: its VMID, node and static addresses."
  value = { for name, vm in module.vm : name => {
    id        = vm.id
    node      = vm.node
    addresses = vm.addresses
  } }
}
