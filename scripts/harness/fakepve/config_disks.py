"""A new disk in a VM config update (`STORAGE:SIZE`) is allocated, as on create.

PVE imitated: qemu-server src/PVE/API2/Qemu.pm update_vm_api, which passes each drive of the update
through create_disks: `STORAGE:SIZE` allocates a new volume (vm-VMID-disk-N, SIZE GiB, with the
Datastore.AllocateSpace check) and the config, pending or not, gets that volume. fakepve 0.5.0
allocates disks on create only and stored the update's `fast-zfs:4` as it came, so the provider's
next read of the disk failed ("unable to parse zfs volume name '4'").
"""

from fakepve.qemu import NEW_DISK, is_cdrom, split_drive

DRIVE_PREFIXES = ('ide', 'sata', 'scsi', 'virtio')


class ConfigDiskAllocation(object):
    """Mixin of FakePve: create_disks for the drives of a config update."""

    async def _apply_config(self, vm, user, p):
        p = dict(p)
        for key, value in sorted(p.items()):
            base = key.rstrip('0123456789')
            if base not in DRIVE_PREFIXES or base == key or not isinstance(value, str):
                continue
            volume, props = split_drive(value)
            found = NEW_DISK.match(volume)
            if not found or is_cdrom(volume, props) or not found.group(1):
                continue
            self.require(user, '/storage/' + found.group(1), 'Datastore.AllocateSpace')
            p[key], _volumes = self._qm_new_drive(vm.vmid, key, value, None)
        return await super()._apply_config(vm, user, p)
