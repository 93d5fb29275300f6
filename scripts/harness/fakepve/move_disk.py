"""Moving a VM disk to another storage: `POST /nodes/{node}/qemu/{vmid}/move_disk`.

PVE imitated: qemu-server src/PVE/API2/Qemu.pm, move_vm_disk (to another storage of the same VM):
a `qmmove` worker that, under the config lock, checks the lock and the digest, dies "disk '$disk'
does not exist", "you can't move a cdrom", "you can't move to the same storage with same format",
refuses a target storage without `images` content, copies the volume to a new one on the target
(clone_disk; a running VM's disk is mirrored live), writes the drive with the new volume and, with
`delete`, frees the source (else keeps it as unusedN). fakepve 0.5.0 answers this from the schema
only: the task is OK and the disk stays where it was, so a plan after the move never converges.
"""

from fakepve.model import TaskError
from fakepve.qemu import is_cdrom, join_drive, split_drive, volume_ref
from fakepve.routing import StatefulRoutes, param_error


class DiskMove(StatefulRoutes):
    """Mixin of FakePve: the move_vm_disk worker of qemu-server."""

    def _routes_move_disk(self):
        return [('POST', '/nodes/{node}/qemu/{vmid}/move_disk', self._qm_move_disk)]

    async def _qm_move_disk(self, v, user):
        vm = self.find(v['node'], v['vmid'])
        disk, target = v['disk'], v.get('storage')
        if v.get('target-vmid') not in (None, vm.vmid, str(vm.vmid)):
            raise param_error(**{'target-vmid': 'moving a disk to another VM is not modelled by this fake'})
        self.require(user, '/vms/{0}'.format(vm.vmid), 'VM.Config.Disk')
        store = self.storages.get(target)
        if store is None:
            raise param_error(storage="storage '{0}' does not exist".format(target))
        if 'images' not in str(store.get('content', '')).split(','):
            raise param_error(storage="storage '{0}' does not support vm images".format(target))
        self.require(user, '/storage/' + target, 'Datastore.AllocateSpace')

        async def body():
            if vm.lock:
                raise TaskError('VM is locked ({0})'.format(vm.lock))
            if v.get('digest') and v['digest'] != vm.digest():
                raise TaskError('checksum mismatch (file change by other user?)')
            if not vm.config.get(disk):
                raise TaskError("disk '{0}' does not exist".format(disk))
            volume, props = split_drive(vm.config[disk])
            if not volume:
                raise TaskError("disk '{0}' has no associated volume".format(disk))
            if is_cdrom(volume, props):
                raise TaskError("you can't move a cdrom")
            sid, _name = volume_ref(volume)
            source = self._qm_volume(volume) or {}
            fmt = v.get('format') or source.get('format')
            if sid == target and (not v.get('format') or v['format'] == source.get('format')):
                raise TaskError("you can't move to the same storage with same format")
            size = int(source.get('size') or 0)
            new, _fmt = self._qm_alloc(target, vm.vmid, fmt if fmt in ('raw', 'qcow2', 'vmdk') else None, size)
            vm.config[disk] = join_drive(new, props)
            if v.get('delete'):
                self._qm_free(volume)
            else:
                n = 0
                while 'unused{0}'.format(n) in vm.config:
                    n += 1
                vm.config['unused{0}'.format(n)] = volume
            return "storage migration finished: '{0}' -> '{1}'".format(volume, new)
        return await self.task(vm.node, 'qmmove', vm.vmid, user, body, vm=vm)
