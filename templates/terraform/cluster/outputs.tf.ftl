output "vms" {
  description = "Every VM of the cluster: its VMID, node and static addresses."
  value = { for name, vm in module.vm : name => {
    id        = vm.id
    node      = vm.node
    addresses = vm.addresses
  } }
}
<#if v.containers?has_content>

output "containers" {
  description = "Every container of the cluster: its VMID and node."
  value = { for name, ct in module.container : name => {
    id   = ct.id
    node = ct.node
  } }
}
</#if>
