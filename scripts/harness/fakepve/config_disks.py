"""A new disk in a VM config update (`STORAGE:SIZE`) is allocated, as on create.

PVE imitated: qemu-server src/PVE/API2/Qemu.pm update_vm_api, which passes each drive of the update
through create_disks: `STORAGE:SIZE` allocates a new volume (vm-VMID-disk-N, SIZE GiB, with the
Datastore.AllocateSpace check) and the config, pending or not, gets that volume. fakepve 0.5.0
allocates disks on create only and stored the update's `fast-zfs:4` as it came, so the provider's
next read of the disk failed ("unable to parse zfs volume name '4'").

A cloud-init drive in an update (`STORAGE:cloudinit`) is allocated too: create_disks names it
vm-VMID-cloudinit (with .qcow2 on a file storage) and sets media=cdrom (qemu-server 9.x
src/PVE/API2/Qemu.pm create_disks, the `$volname eq 'cloudinit'` branch). fakepve 0.5.0 stored
`local-lvm:cloudinit` as it came, which the bpg provider does not recognise as a cloud-init drive
(proxmox/nodes/vms/custom_storage_device.go IsCloudInitDrive looks for vm-VMID-cloudinit): the next
disk change of a VM cloned from a template (whose cloud-init drive the provider sets by update,
vm.go vmCreateClone) deleted it (vmUpdate sends every non-cdrom, non-cloud-init drive the plan
lacks as `delete`), seen running scripts/apply-edits on sites/clones.yaml.
"""

import time

from fakepve.qemu import NEW_DISK, is_cdrom, join_drive, split_drive, volume_ref

# qemu-server PVE::QemuServer::Cloudinit::CLOUDINIT_DISK_SIZE: 4 MiB.
CLOUDINIT_BYTES = 4 * 1024 ** 2

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
            if volume.endswith(':cloudinit') and volume_ref(volume)[0] in self.storages:
                p[key] = self._cloudinit_drive(vm.vmid, volume_ref(volume)[0], props)
                continue
            found = NEW_DISK.match(volume)
            if not found or is_cdrom(volume, props) or not found.group(1):
                continue
            self.require(user, '/storage/' + found.group(1), 'Datastore.AllocateSpace')
            p[key], _volumes = self._qm_new_drive(vm.vmid, key, value, None)
        return await super()._apply_config(vm, user, p)

    def _cloudinit_drive(self, vmid, sid, props):
        """create_disks for STORAGE:cloudinit: vm-VMID-cloudinit on the storage, media=cdrom."""
        store = self.storages[sid]
        name = 'vm-{0}-cloudinit'.format(vmid)
        fmt = props.pop('format', None)
        if store.get('path'):
            fmt = fmt or 'qcow2'
            name = '{0}/{1}.{2}'.format(vmid, name, fmt)
        store.setdefault('volumes', {})[name] = {'content': 'images', 'format': fmt or 'raw', 'size': CLOUDINIT_BYTES,
                                                 'vmid': vmid, 'ctime': int(time.time())}
        props = dict(props, media='cdrom')
        return join_drive('{0}:{1}'.format(sid, name), props)
