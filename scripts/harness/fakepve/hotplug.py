"""A config change of a running VM applied at once where PVE hotplugs it, not kept pending.

PVE imitated: qemu-server src/PVE/QemuServer.pm vmconfig_hotplug_pending, which update_vm_api runs
on a running VM after writing the new values as pending, with the VM's `hotplug` option (PVE's
default `network,disk,usb`): a NIC is plugged, unplugged or changed live (vmconfig_update_net: a new
model, MAC, queues or MTU re-plugs it, with `network`; bridge, tag, firewall, rate and link changes
need no hotplug at all); a disk (not IDE, SATA, EFI or TPM) is plugged or unplugged with `disk`, and
an existing one's change applies live unless aio, discard, iothread, queues, product, cache, ssd,
vendor or ro change (vmconfig_update_disk: "skip"); a CD-ROM's medium is changed live; usbN with
`usb`; balloon unless it is switched on or off; cpuunits and cpulimit; an agent change of
fstrim_cloned_disks only. Everything else (memory, cores, sockets, cpu, bios, machine, ...) stays
pending until the VM restarts. fakepve 0.5.0 keeps every change of a running VM pending, so the
provider's hotplugged NICs and disks showed as waiting for a restart.
"""

from fakepve.qemu import is_cdrom, split_drive

DEFAULT = 'network,disk,usb'
DRIVE_PREFIXES = ('ide', 'sata', 'scsi', 'virtio', 'efidisk', 'tpmstate')
NOT_LIVE_DRIVE_OPTIONS = ('aio', 'discard', 'iothread', 'queues', 'product', 'cache', 'ssd', 'vendor', 'ro')
NIC_MODELS = ('virtio', 'e1000', 'e1000e', 'rtl8139', 'vmxnet3', 'ne2k_pci', 'pcnet', 'i82551', 'i82557b', 'i82559er',
              'ne2k_isa')


def features(config):
    value = str(config.get('hotplug', '1'))
    if value == '0':
        return set()
    return set((DEFAULT if value == '1' else value).split(','))


def _net(value):
    out = {}
    for part in str(value).split(','):
        key, _, val = part.partition('=')
        if key in NIC_MODELS:
            out['model'], out['macaddr'] = key, val.upper()
        else:
            out[key] = val
    return out


def _drive_key(key):
    base = key.rstrip('0123456789')
    return base in DRIVE_PREFIXES and base != key


def live(key, old, new, hotplug, config):
    """Whether qemu-server applies this pending value (None: a deletion) to the running VM."""
    if key.startswith('net') and key[3:].isdigit():
        if new is None or old is None:
            return 'network' in hotplug
        a, b = _net(old), _net(new)
        if any(a.get(k) != b.get(k) for k in ('model', 'macaddr', 'queues', 'mtu')) or not (a.get('bridge') and b.get('bridge')):
            return 'network' in hotplug
        return True
    if _drive_key(key):
        if key.startswith(('efidisk', 'tpmstate')):
            return False
        if new is None:
            return 'disk' in hotplug and not key.startswith(('ide', 'sata'))
        volume, props = split_drive(new)
        if old is not None:
            old_volume, old_props = split_drive(old)
            if is_cdrom(old_volume, old_props):
                return True  # the medium is changed
            if volume != old_volume:
                return 'disk' in hotplug  # unplugged, the old volume registered as unused
            return all(props.get(o) == old_props.get(o) for o in NOT_LIVE_DRIVE_OPTIONS)
        return 'disk' in hotplug and not key.startswith(('ide', 'sata'))
    if key.startswith('usb') and key[3:].isdigit():
        return 'usb' in hotplug
    if key == 'balloon' and new is not None:
        return (str(config.get('balloon', '1')) != '0') == (str(new) != '0')
    if key in ('cpuunits', 'cpulimit'):
        return True
    if key == 'memory':
        return 'memory' in hotplug
    return False


class HotplugPending(object):
    """Mixin of FakePve: vmconfig_hotplug_pending after a running VM's config update."""

    async def _apply_config(self, vm, user, p):
        before = dict(vm.config)
        result = await super()._apply_config(vm, user, p)
        if vm.status == 'running' and vm.pending:
            hotplug = features(vm.config)
            for key, value in list(vm.pending.items()):
                if live(key, before.get(key), value, hotplug, vm.config):
                    if value is None:
                        vm.config.pop(key, None)
                    else:
                        vm.config[key] = value
                    vm.pending.pop(key, None)
        return result
