"""Growing a VM disk: `PUT /nodes/{node}/qemu/{vmid}/resize`.

PVE imitated: qemu-server src/PVE/API2/Qemu.pm, resize_vm: a `resize` worker that, under the
config lock, checks the digest and the lock, dies "disk '$disk' does not exist", "you can't resize
a cdrom", checks Datastore.AllocateSpace on the volume's storage, reads the volume's size,
computes the new one (`+` adds; K/M/G/T units), dies "shrinking disks is not supported", does
nothing when the size is unchanged, and writes the drive back with `size=` the new size. The
provider resizes every disk it creates or imports (`import_from` volumes start at their image's
size). fakepve 0.5.0 answers this from the schema only: the task is OK and the size stays.
"""

import re

from fakepve.lxc import SIZE_UNITS, format_size
from fakepve.model import TaskError
from fakepve.qemu import is_cdrom, join_drive, split_drive, volume_ref
from fakepve.routing import StatefulRoutes, param_error


class DiskResize(StatefulRoutes):
    """Mixin of FakePve: the resize worker of qemu-server."""

    def _routes_resize(self):
        return [('PUT', '/nodes/{node}/qemu/{vmid}/resize', self._qm_resize)]

    def _volume_bytes(self, volume, props):
        sid, name = volume_ref(volume)
        vol = self.storages.get(sid, {}).get('volumes', {}).get(name) if sid else None
        if vol is not None and vol.get('size'):
            return int(vol['size'])
        found = re.match(r'^(\d+(?:\.\d+)?)([KMGT])?$', props.get('size', ''))
        return int(float(found.group(1)) * SIZE_UNITS.get(found.group(2) or 'G', 1)) if found else 0

    async def _qm_resize(self, v, user):
        vm = self.find(v['node'], v['vmid'])
        if v.get('skiplock') and user != 'root@pam':
            raise param_error(skiplock='Only root may use this option.')
        disk, sizestr = v['disk'], str(v['size'])

        async def body():
            if v.get('digest') and v['digest'] != vm.digest():
                raise TaskError('checksum mismatch (file change by other user?)')
            if vm.lock and not v.get('skiplock'):
                raise TaskError('VM is locked ({0})'.format(vm.lock))
            if not vm.config.get(disk):
                raise TaskError("disk '{0}' does not exist".format(disk))
            volume, props = split_drive(vm.config[disk])
            if not volume:
                raise TaskError("disk '{0}' has no associated volume".format(disk))
            if is_cdrom(volume, props):
                raise TaskError("you can't resize a cdrom")
            sid, name = volume_ref(volume)
            if sid:
                self.require(user, '/storage/' + sid, 'Datastore.AllocateSpace')
            size = self._volume_bytes(volume, props)
            found = re.match(r'^(\+)?(\d+(?:\.\d+)?)([KMGT])?$', sizestr)
            if not found:
                raise TaskError('internal error')
            new = float(found.group(2)) * (SIZE_UNITS[found.group(3)] if found.group(3) else 1)
            new = int(new + size if found.group(1) else new)
            if new < size:
                raise TaskError('shrinking disks is not supported')
            if new == size:
                return None
            vol = self.storages.get(sid, {}).get('volumes', {}).get(name) if sid else None
            if vol is not None:
                store = self.storages[sid]
                if 'avail' in store:
                    store['avail'] -= new - int(vol.get('size') or 0)
                vol['size'] = new
            props = dict(props)
            props['size'] = format_size(new)
            vm.config[disk] = join_drive(volume, props)
            return None
        return await self.task(vm.node, 'resize', vm.vmid, user, body, vm=vm)
