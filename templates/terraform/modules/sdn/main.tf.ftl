# The site's networks as an SDN VLAN zone on the nodes' bridge, one vnet per VLAN. Defined once for
# the whole cluster and applied to every node; the nodes' management interfaces are left alone.

# The zone's MTU is the vnets' bridge MTU (pve-network's VlanPlugin writes it on each vnet bridge
# only when set), and qemu-server refuses to start a guest whose NIC MTU is above its bridge's: it
# is the largest MTU of the site's networks. Ansible raises the node bridge and its uplink to it.
resource "proxmox_sdn_zone_vlan" "this" {
  id     = var.zone
  bridge = var.bridge
  mtu    = var.mtu
  nodes  = var.nodes
}

resource "proxmox_sdn_vnet" "this" {
  for_each = var.vnets

  id    = each.key
  zone  = proxmox_sdn_zone_vlan.this.id
  alias = each.value.alias
  tag   = each.value.tag
}

# SDN changes are pending until applied, and the applier applies only when it is created (its Read
# does nothing: the provider's fwprovider/cluster/sdn/applier/resource.go). Replacing it whenever
# the zone or a vnet changes applies every change; the vnets output waits for it, so no VM starts
# on a pending vnet.
resource "proxmox_sdn_applier" "this" {
  depends_on = [proxmox_sdn_zone_vlan.this, proxmox_sdn_vnet.this]

  lifecycle {
    replace_triggered_by = [proxmox_sdn_zone_vlan.this, proxmox_sdn_vnet.this]
  }
}
