"""A running VM whose agent is enabled answers guest agent commands.

PVE imitated: qemu-server src/PVE/API2/Qemu/Agent.pm (each command goes to the guest's
qemu-guest-agent through QMP `guest-*`); the agent runs when the guest OS starts it. fakepve 0.5.0
only answers for a VM whose `agent` scenario state was set by a test, so a VM created through
the API with `agent: enabled=1` says "QEMU guest agent is not running" forever and the provider
waits up to its timeout for addresses. Here such a VM's agent answers as soon as it runs, and
`network-get-interfaces` lists `lo` and one interface per `netN` with the NIC's MAC (as the
guest sees it) and the address the lab knows for that MAC (else one made from the MAC).
"""

import re

from fakepve.lxc import split_props
from fakepve.qemu import NET_MODELS


def agent_enabled(config):
    """qemu-server's agent property string: `1`, `enabled=1,...`."""
    first, props = split_props(config.get('agent', '0'))
    value = props.get('enabled', first)
    return str(value) in ('1', 'true', 'on', 'yes')


def mac_of(net_value):
    first, props = split_props(net_value)
    for key, value in props.items():
        if key in NET_MODELS:
            return value
    return props.get('macaddr')


class GuestAgentForEnabled(object):
    """Mixin of FakePve: the guest agent of an agent-enabled VM answers once the VM runs."""

    # MAC (lower case) -> (address, prefix), filled by the lab from the site.
    guest_addresses = {}

    def _interfaces(self, vm):
        out = [{'name': 'lo', 'hardware-address': '00:00:00:00:00:00',
                'ip-addresses': [{'ip-address': '127.0.0.1', 'ip-address-type': 'ipv4', 'prefix': 8}]}]
        nets = sorted((k for k in vm.config if re.fullmatch(r'net\d+', k)), key=lambda k: int(k[3:]))
        for key in nets:
            mac = (mac_of(vm.config[key]) or '').lower()
            if not mac:
                continue
            address, prefix = self.guest_addresses.get(mac) or (
                '198.51.100.{0}'.format(int(mac.replace(':', '')[-2:], 16) % 250 + 2), 24)
            out.append({'name': 'eth' + key[3:], 'hardware-address': mac,
                        'ip-addresses': [{'ip-address': address, 'ip-address-type': 'ipv4', 'prefix': prefix}]})
        return out

    async def _agent_call(self, match, values):
        vm = self.find(values['node'], values['vmid'])
        if vm.agent is None and vm.status == 'running' and agent_enabled(vm.config):
            vm.agent = {}
        if vm.agent is not None and 'interfaces' not in vm.agent and agent_enabled(vm.config):
            # Asked afresh each time: the NICs are the config's.
            result = await super()._agent_call(match, values)
            if match.template.endswith('/network-get-interfaces'):
                return {'result': self._interfaces(vm)}
            return result
        return await super()._agent_call(match, values)
