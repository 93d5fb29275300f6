"""One fake PVE cluster as a site describes it: what dev.sitec.harness.FakeLab printed.

Nodes (online, with the site's subscription and bridges), the storages the nodes have (the PVE
installer's `local` dir storage with the content sitec's Ansible gives it, the installer's
local-lvm/local-zfs on a node sitec installs, the datastores an installed node's site names), the
API user and token the generated Ansible role creates (privilege separation off, its role on `/`:
pveum acl modify / --users USER --roles ROLE), with permission checks on (`acl` set), and the
guests and device mappings the site marks `existing: true`, made with the identities the site gives
them, before Terraform runs, so the generated import blocks adopt them.
"""

import os
import time
import uuid

from fakepve import FakePve
from fakepve.lxc import ostype_of

from api_access import ApiAccess
from backup_jobs import BackupJobs
from config_disks import ConfigDiskAllocation
from config_types import TypedConfigUpdates
from ct_interfaces import ContainerDhcpLease
from download import DownloadDecompression, patch_schema
from guest_agent import GuestAgentForEnabled
from hostpci import HostPciRootOnly
from hotplug import HotplugPending
from legacy_params import install as normalise_legacy_params
from lxc_readback import ContainerReadBack
from mappings import HardwareMappings
from move_disk import DiskMove
from node_state import NodeState
from qemu_pending import QemuPendingConfig
from resize import DiskResize
from sdn import SdnStore
from slashes import TrailingSlashes
from vm_migrate import VmMigrate
from windows_machine import WindowsMachinePin, pinned_machine_string

GIB = 1024 ** 3
BLOCK_TYPES = ('lvmthin', 'lvm', 'zfspool', 'rbd', 'zfs')


class RehearsalPve(TrailingSlashes, ApiAccess, QemuPendingConfig, SdnStore, HardwareMappings, BackupJobs, DiskResize, GuestAgentForEnabled,
                   DownloadDecompression, WindowsMachinePin, HostPciRootOnly, ContainerReadBack, ContainerDhcpLease,
                   NodeState, DiskMove, ConfigDiskAllocation, HotplugPending, TypedConfigUpdates, VmMigrate,
                   FakePve):
    """fakepve with the gaps the bpg provider hits closed (see README.md)."""

    def register_snippet(self, node, path, data):
        """A file written on a node: if it is in a dir storage's snippets folder, the storage lists it."""
        for sid, store in sorted(self.storages.items()):
            base = store.get('path')
            if not base or 'snippets' not in str(store.get('content', '')).split(','):
                continue
            prefix = base.rstrip('/') + '/snippets/'
            if path.startswith(prefix) and '/' not in path[len(prefix):]:
                nodes = [n for n in str(store.get('nodes') or '').split(',') if n]
                if nodes and node not in nodes:
                    continue
                self.store_file(sid, path[len(prefix):], len(data), 'snippets')
                return sid
        raise OSError('No such file or directory')


def _storage(sid, spec, all_nodes):
    kind = spec['type']
    store = {'type': kind, 'content': ','.join(spec['content']), 'active': 1, 'files': set(), 'volumes': {},
             'avail': 8 * 1024 ** 4}
    if sorted(spec['nodes']) != sorted(all_nodes):
        store['nodes'] = ','.join(spec['nodes'])
    if spec.get('shared'):
        store['shared'] = 1
    if kind in ('dir', 'btrfs'):
        store['path'] = '/var/lib/vz' if sid == 'local' else '/mnt/pve/' + sid
    elif kind in ('lvmthin', 'lvm'):
        store.update(vgname='pve')
        if kind == 'lvmthin':
            store['thinpool'] = 'data'
    elif kind == 'zfspool':
        store.update(pool='rpool/data', sparse=1)
    elif kind == 'rbd':
        store.update(pool=sid, krbd=0)
    return store


def _volume(pve, sid, vmid, n, size, container=False, fmt='raw'):
    """Allocate a guest volume of size bytes as the storage's plugin names it; returns the volume id.

    A container's root on zfspool, dir or btrfs is a subvolume (subvol-<vmid>-disk-<n>), elsewhere
    vm-<vmid>-disk-<n>; a dir storage keeps it as <vmid>/<name>.<format> (a VM's in the format given).
    """
    store = pve.storages[sid]
    subvol = container and store['type'] in ('zfspool', 'dir', 'btrfs')
    fmt = 'subvol' if subvol else fmt
    name = '{0}-{1}-disk-{2}'.format('subvol' if subvol else 'vm', vmid, n)
    volname = name if store['type'] in BLOCK_TYPES else '{0}/{1}.{2}'.format(vmid, name, fmt)
    store['volumes'][volname] = {'content': 'rootdir' if container else 'images', 'format': fmt, 'size': size,
                                 'vmid': vmid, 'ctime': int(time.time())}
    return '{0}:{1}'.format(sid, volname)


def _existing_vm(pve, vm):
    vmid = vm['vm_id']
    ostype = vm.get('ostype', 'l26')
    config = {'name': vm['name'], 'cores': vm['cores'], 'sockets': 1, 'memory': str(vm['memory_mib']),
              'ostype': ostype, 'scsihw': vm.get('scsihw', 'virtio-scsi-single'),
              'smbios1': 'uuid={0}'.format(uuid.uuid4()), 'vmgenid': str(uuid.uuid4()),
              'meta': 'creation-qemu=10.0.2,ctime={0}'.format(int(time.time()) - 86400)}
    if vm.get('bios'):
        config['bios'] = vm['bios']
    machine = vm.get('machine')
    if machine == 'q35' or ostype.startswith('win'):
        # As PVE made it: a Windows VM's machine is pinned at create (windows_machine.py).
        config['machine'] = pinned_machine_string(machine if machine != 'pc' else None, ostype) or machine
    if vm.get('agent'):
        config['agent'] = 'enabled=1,fstrim_cloned_disks=1' if vm.get('agent_trim') else '1'
    if vm.get('cpu'):
        config['cpu'] = vm['cpu']
    if vm.get('description'):
        config['description'] = vm['description']
    if vm.get('serial'):
        config['serial0'] = 'socket'
    if vm.get('balloon'):
        config['balloon'] = vm['balloon']
    if vm.get('on_boot'):
        config['onboot'] = 1
    for i, device in enumerate(vm.get('hostpci', [])):
        config['hostpci{0}'.format(i)] = device + (',pcie=1' if config.get('machine', '').find('q35') >= 0 else '')
    n = 0
    for disk in vm['disks']:
        volid = _volume(pve, disk['datastore'], vmid, n, disk['size_gib'] * GIB, fmt=disk.get('format', 'raw'))
        config[disk['slot']] = '{0},iothread=1,size={1}G'.format(volid, disk['size_gib'])
        n += 1
    if vm.get('bios') == 'ovmf' and vm['disks']:
        volid = _volume(pve, vm['disks'][0]['datastore'], vmid, n, 528 * 1024)
        config['efidisk0'] = '{0},efitype=4m,{1}size=528K'.format(
            volid, 'pre-enrolled-keys=1,' if ostype.startswith('win') else '')
        n += 1
    if ostype.startswith('win') and vm['disks']:
        volid = _volume(pve, vm['disks'][0]['datastore'], vmid, n, 4 * 1024 ** 2)
        config['tpmstate0'] = '{0},size=4M,version=v2.0'.format(volid)
        n += 1
    for nic in vm['nics']:
        value = 'virtio={0},bridge={1}'.format(nic['mac'], nic['bridge'])
        if nic.get('tag'):
            value += ',tag={0}'.format(nic['tag'])
        config['net{0}'.format(nic['index'])] = value
    disks = [d['slot'] for d in vm['disks']]
    config['boot'] = 'order=' + ';'.join(disks[:1] + (['net0'] if vm['nics'] else []))
    pve.add_vm(vmid, vm['name'], node=vm['node'], status='running', config=config)


# A template's boot disk as a cloud image's is once imported: small, for its clones to grow.
TEMPLATE_DISK_GIB = 3


def _template_vm(pve, t):
    """A template VM as `qm template` leaves it (qemu-server API2/Qemu.pm template): template: 1, its
    disks renamed to base volumes (base-<vmid>-disk-<n>, which linked clones are made from), stopped;
    with a cloud-init drive on ide2 and a serial console, as a cloud-image template is usually made.
    """
    vmid = t['vm_id']
    volid = _volume(pve, t['datastore'], vmid, 0, TEMPLATE_DISK_GIB * GIB)
    sid, name = volid.split(':', 1)
    base = name.replace('vm-{0}-'.format(vmid), 'base-{0}-'.format(vmid))
    pve.storages[sid]['volumes'][base] = pve.storages[sid]['volumes'].pop(name)
    config = {'name': t['name'], 'cores': 1, 'sockets': 1, 'memory': '1024', 'ostype': 'l26',
              'scsihw': 'virtio-scsi-single', 'template': 1, 'agent': '1', 'serial0': 'socket',
              'scsi0': '{0}:{1},iothread=1,size={2}G'.format(sid, base, TEMPLATE_DISK_GIB),
              'ide2': '{0}:vm-{1}-cloudinit,media=cdrom'.format(sid, vmid),
              'net0': 'virtio=BC:24:11:00:90:00,bridge=vmbr0', 'boot': 'order=scsi0',
              'smbios1': 'uuid={0}'.format(uuid.uuid4()), 'vmgenid': str(uuid.uuid4()),
              'meta': 'creation-qemu=10.0.2,ctime={0}'.format(int(time.time()) - 86400)}
    if t.get('uefi'):
        config['bios'] = 'ovmf'
    pve.add_vm(vmid, t['name'], node=t['node'], status='stopped', config=config, template=True)


def _existing_ct(pve, ct):
    vmid = ct['vm_id']
    config = {'hostname': ct['name'], 'cores': ct['cores'], 'memory': ct['memory_mib'], 'swap': ct['swap_mib'],
              'arch': 'amd64'}
    config['ostype'] = ostype_of(ct['template'])
    n = 0
    disk = ct['disk']
    volid = _volume(pve, disk['datastore'], vmid, n, disk['size_gib'] * GIB, container=True)
    config['rootfs'] = '{0},size={1}G'.format(volid, disk['size_gib'])
    n += 1
    for mount in ct['mounts']:
        key = 'mp{0}'.format(mount['index'])
        if mount.get('host_path'):
            config[key] = '{0},mp={1}'.format(mount['host_path'], mount['path'])
        else:
            volid = _volume(pve, mount['datastore'], vmid, n, mount['size_gib'] * GIB, container=True)
            config[key] = '{0},mp={1},size={2}G'.format(volid, mount['path'], mount['size_gib'])
            n += 1
    for nic in ct['nics']:
        ip = '{0}/{1}'.format(nic['address'], nic.get('prefix', 24)) if nic.get('address') else 'dhcp'
        value = 'name=eth{0},bridge={1},hwaddr={2},ip={3},type=veth'.format(nic['index'], nic['bridge'],
                                                                              nic['mac'], ip)
        if nic.get('gateway') and nic.get('address'):
            value += ',gw={0}'.format(nic['gateway'])
        if nic.get('tag'):
            value += ',tag={0}'.format(nic['tag'])
        config['net{0}'.format(nic['index'])] = value
    if ct['unprivileged']:
        config['unprivileged'] = 1
    if ct['features']:
        config['features'] = ','.join('{0}=1'.format(f) for f in sorted(ct['features']))
    if ct.get('description'):
        config['description'] = ct['description']
    pve.add_ct(vmid, node=ct['node'], status='running', config=config, defaults=False)


def build(name, cluster, token, host, password):
    """A RehearsalPve for one cluster of FakeLab's output; returns (pve, token id, secret)."""
    patch_schema()
    normalise_legacy_params()
    pve = RehearsalPve(user='root@pam', password=password, host=host)
    pve.time_scale = 0
    pve.cluster_name = name
    pve.nodes = {}
    for node, spec in sorted(cluster['nodes'].items()):
        pve.nodes[node] = {'online': True, 'subscription': bool(spec['subscription']),
                           'bridges': dict(spec['bridges']), 'address': spec['address']}
    all_nodes = sorted(pve.nodes)
    pve.storages = dict((sid, _storage(sid, spec, all_nodes)) for sid, spec in sorted(cluster['storages'].items()))
    addresses = {}
    for guest in cluster.get('guest_addresses', []):
        addresses[guest['mac'].lower()] = (guest['address'], guest['prefix'])
    pve.guest_addresses = addresses
    for vm in cluster['vms']:
        _existing_vm(pve, vm)
    for ct in cluster['containers']:
        _existing_ct(pve, ct)
    for t in cluster.get('templates', []):
        _template_vm(pve, t)
    for mapping in cluster['mappings']:
        entry = ['node={0}'.format(mapping['node']), 'path={0}'.format(mapping['path']),
                 'id={0}'.format(mapping['id'])]
        if mapping.get('subsystem_id'):
            entry.append('subsystem-id={0}'.format(mapping['subsystem_id']))
        if mapping.get('iommu_group') is not None:
            entry.append('iommugroup={0}'.format(mapping['iommu_group']))
        pve.add_mapping(mapping['type'], mapping['name'], [','.join(entry)])
    # The token Terraform uses: `pveum user token add USER TOKEN --privsep 0`, the user's role on `/`.
    # With SITEC_FAKEPVE_NO_TOKEN=1 (scripts/runbook-rehearsal) there is none: the runbook's Proxmox
    # play makes the user, role and token through the API (api_access.py), as on a new cluster.
    tokenid = '{0}!{1}'.format(token['user'], token['token'])
    pve.acl = {}
    if os.environ.get('SITEC_FAKEPVE_NO_TOKEN') == '1':
        return pve, tokenid, None
    secret = str(uuid.uuid4())
    pve.add_api_token(token['user'], token['token'], secret, privsep=0)
    pve.grant(token['user'], '/', *token['privileges'])
    return pve, tokenid, secret


__all__ = ['RehearsalPve', 'build']
