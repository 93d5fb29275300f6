# The site's networks as an SDN VLAN zone on the nodes' bridge, one vnet per VLAN. Defined once for
# the whole cluster and applied to every node; the nodes' management interfaces are left alone.

resource "proxmox_sdn_zone_vlan" "this" {
  id     = var.zone
  bridge = var.bridge
  nodes  = var.nodes
}

resource "proxmox_sdn_vnet" "this" {
  for_each = var.vnets

  id    = each.key
  zone  = proxmox_sdn_zone_vlan.this.id
  alias = each.value.alias
  tag   = each.value.tag
}

# SDN changes are pending until applied; this applies them after every change to the zone or vnets.
resource "proxmox_sdn_applier" "this" {
  depends_on = [proxmox_sdn_zone_vlan.this, proxmox_sdn_vnet.this]
}
