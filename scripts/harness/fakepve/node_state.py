"""What the site says of each node: its subscription and its bridges (with their MTU).

PVE imitated:
- pve-manager PVE/API2/Subscription.pm get: `status` is `active` for a node with a valid key,
  `notfound` ("There is no subscription key") without one.
- pve-manager PVE/API2/Network.pm index: the node's interfaces; `type=any_bridge` adds the SDN
  vnets the node runs.
- qemu-server src/PVE/QemuServer.pm print_netdevice_full, run in the start task: a virtio NIC's
  MTU is checked against PVE::Network::read_bridge_mtu (pve-common src/PVE/Network.pm: "bridge
  '$bridge' does not exist"), then "netdev $netid: MTU '$mtu' is bigger than the bridge MTU
  '$bridge_mtu' - adjust ...". An SDN vnet is a bridge once applied (`PUT /cluster/sdn`) on the
  zone's nodes; pve-network src/PVE/Network/SDN/Zones/VlanPlugin.pm gives it the zone's `mtu`, else
  its parent bridge's.
fakepve 0.5.0 answers subscription and network from the schema and starts any VM.
"""

from fakepve.lxc import split_props
from fakepve.model import TaskError
from fakepve.qemu import NET_MODELS
from fakepve.routing import StatefulRoutes, split_list

SUBSCRIPTION_NOTFOUND = 'There is no subscription key'


class NodeState(StatefulRoutes):
    """Mixin of FakePve: per-node subscription and bridges; the bridge check of a VM start."""

    def _routes_node_state(self):
        return [('GET', '/nodes/{node}/subscription', self._node_subscription),
                ('GET', '/nodes/{node}/network', self._node_network)]

    def _node_bridges(self, node):
        """{bridge: mtu} on the node: its own bridges, and the running SDN vnets of zones that span it."""
        bridges = dict(self.nodes.get(node, {}).get('bridges', {}))
        running = getattr(self, 'sdn', {}).get('running', {})
        for vnet_id, vnet in running.get('vnets', {}).items():
            zone = running.get('zones', {}).get(vnet.get('zone'))
            if zone is None:
                continue
            nodes = zone.get('nodes')
            if nodes and node not in nodes:
                continue
            parent = bridges.get(zone.get('bridge'))
            if parent is None:
                continue  # the zone's bridge is missing: pve-network makes no vnet bridge
            bridges.setdefault(vnet_id, int(zone['mtu']) if zone.get('mtu') else parent)
        return bridges

    async def _node_subscription(self, v, user):
        node = self.nodes[v['node']]
        if node.get('subscription'):
            return {'status': 'active', 'level': 'c', 'productname': 'Proxmox VE Community Subscription 1 CPU/year',
                    'key': 'pve1c-0000000000', 'serverid': '0' * 32, 'sockets': 1,
                    'checktime': 0, 'nextduedate': '2099-12-31', 'regdate': '2026-01-01 00:00:00'}
        return {'status': 'notfound', 'message': SUBSCRIPTION_NOTFOUND,
                'url': 'https://www.proxmox.com/en/proxmox-virtual-environment/pricing'}

    async def _node_network(self, v, user):
        wanted = v.get('type')
        own = self.nodes.get(v['node'], {}).get('bridges', {})
        out = []
        for name, mtu in sorted(self._node_bridges(v['node']).items()):
            vnet = name not in own
            if wanted and not (wanted == 'any_bridge' or (wanted == 'bridge' and not vnet)):
                continue
            item = {'iface': name, 'type': 'vnet' if vnet else 'bridge', 'active': 1, 'autostart': 1,
                    'method': 'manual', 'method6': 'manual', 'families': ['inet'], 'mtu': str(mtu),
                    'priority': 0}
            if not vnet:
                item.update(bridge_ports='', bridge_stp='off', bridge_fd='0')
            out.append(item)
        return out

    def _check_nic_bridges(self, vm):
        bridges = self._node_bridges(vm.node)
        for key in sorted(k for k in vm.config if k.startswith('net') and k[3:].isdigit()):
            first, props = split_props(vm.config[key])
            model = next((k for k in props if k in NET_MODELS), props.get('model'))
            bridge = props.get('bridge')
            if not bridge:
                continue
            if bridge not in bridges:
                raise TaskError("bridge '{0}' does not exist".format(bridge))
            mtu = int(props['mtu']) if props.get('mtu') else None
            if model == 'virtio' and mtu and mtu != 1 and mtu > bridges[bridge]:
                raise TaskError("netdev {0}: MTU '{1}' is bigger than the bridge MTU '{2}' - adjust the MTU for the "
                                "network device in the VM configuration, while ensuring that the bridge is "
                                "configured as desired.".format(key, mtu, bridges[bridge]))

    async def _do_start(self, vm, user, p):
        pending_config = dict(vm.config, **{k: x for k, x in vm.pending.items() if x is not None})
        probe = type('Probe', (), {'config': pending_config, 'node': vm.node})
        try:
            self._check_nic_bridges(probe)
        except TaskError as refusal:
            async def body():
                raise refusal
            return await self.task(vm.node, 'qmstart', vm.vmid, user, body, vm=vm)
        return await super()._do_start(vm, user, p)


__all__ = ['NodeState', 'split_list']
