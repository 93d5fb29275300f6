"""A running container on DHCP shows the address its lease gave it.

PVE imitated: pve-container src/PVE/API2/LXC.pm `ip` (GET /nodes/{node}/lxc/{vmid}/interfaces)
returns PVE::LXC::get_interfaces(), which reads the addresses inside the container's network
namespace (`ip --json address show`): a NIC with `ip=dhcp` has the lease's address there. fakepve
0.5.0 lists only the static `ip=`/`ip6=` addresses of the config, so the provider, which waits for
an IPv4 address of each running container (proxmoxtf/resource/container/container.go,
WaitForContainerNetworkInterfaces), polls until its timeout for a container on DHCP. The address
given is the one the lab knows for the NIC's MAC, else one made from the MAC.
"""

import re

from fakepve.lxc import split_props


class ContainerDhcpLease(object):
    """Mixin of FakePve: the DHCP lease of a running container's NIC appears in /interfaces."""

    guest_addresses = {}

    async def _lxc_interfaces(self, user, v):
        out = await super()._lxc_interfaces(user, v)
        if not out:
            return out
        ct = self._find_ct(v['node'], v['vmid'])
        by_name = dict((item['name'], item) for item in out)
        for key in sorted(k for k in ct.config if re.fullmatch(r'net\d+', k)):
            props = split_props(ct.config[key])[1]
            item = by_name.get(props.get('name', 'eth0'))
            if item is None or props.get('ip') != 'dhcp':
                continue
            mac = props.get('hwaddr', '').lower()
            address, prefix = self.guest_addresses.get(mac) or (
                '198.51.100.{0}'.format(int(mac.replace(':', '')[-2:] or '0', 16) % 250 + 2), 24)
            item['inet'] = '{0}/{1}'.format(address, prefix)
            item['ip-addresses'].append({'ip-address-type': 'inet', 'ip-address': address, 'prefix': str(prefix)})
        return out
