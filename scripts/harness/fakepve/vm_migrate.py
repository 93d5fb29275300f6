"""Migrating a VM to another node: `POST /nodes/{node}/qemu/{vmid}/migrate`, and the HA lookup before it.

PVE imitated: qemu-server src/PVE/API2/Qemu.pm migrate_vm: "target is local node." (a parameter
error), "no such cluster node '$target'", "can't migrate running VM without --online", and each
local volume's storage must be enabled on the target unless `targetstorage` maps it
(PVE::Storage::storage_check_enabled: "storage '$storeid' is not available on node '$node'"); a
`qmigrate` worker moves the VM (with `with-local-disks`, its local volumes too, live if online).
pve-ha-manager src/PVE/API2/HA/Resources.pm read: a VM not under HA is "no such resource '$sid'"
(500), which the bpg provider reads as "not HA-managed" before it migrates (vm.go migrateVM).
fakepve 0.5.0 has neither: the migrate call is answered from the schema and the VM stays where it
was, and the HA read answers a made-up resource of type 'fake', which the provider refuses.
"""

from fakepve.model import PveError, TaskError
from fakepve.qemu import split_drive, volume_ref
from fakepve.routing import StatefulRoutes, param_error

DISK = ('scsi', 'virtio', 'sata', 'ide', 'efidisk', 'tpmstate')


class VmMigrate(StatefulRoutes):
    """Mixin of FakePve: qemu migrate_vm, and HA resources that are not there."""

    def _routes_vm_migrate(self):
        return [('POST', '/nodes/{node}/qemu/{vmid}/migrate', self._qm_migrate),
                ('GET', '/cluster/ha/resources', self._ha_list),
                ('GET', '/cluster/ha/resources/{sid}', self._ha_read)]

    async def _ha_list(self, v, user):
        return []

    async def _ha_read(self, v, user):
        raise PveError(500, "no such resource '{0}'".format(v['sid']))

    def _on_node(self, sid, node):
        store = self.storages.get(sid) or {}
        nodes = [n for n in str(store.get('nodes') or '').split(',') if n]
        return not nodes or node in nodes

    async def _qm_migrate(self, v, user):
        target = v['target']
        if target == v['node']:
            raise param_error(target='target is local node.')
        self.need_quorum()
        if target not in self.nodes:
            raise PveError(500, "no such cluster node '{0}'".format(target))
        vm = self.find(v['node'], v['vmid'])
        self.require(user, '/vms/{0}'.format(vm.vmid), 'VM.Migrate')
        if vm.status == 'running' and not v.get('online'):
            raise PveError(500, "can't migrate running VM without --online")
        mapped = v.get('targetstorage')
        for key, value in sorted(vm.config.items()):
            if not any(key.startswith(p) and key[len(p):].isdigit() for p in DISK):
                continue
            volume, _props = split_drive(str(value))
            if not volume or ':' not in volume or 'media=cdrom' in str(value):
                continue
            sid, _name = volume_ref(volume)
            if not self._on_node(mapped or sid, target):
                raise PveError(500, "storage '{0}' is not available on node '{1}'".format(mapped or sid, target))

        async def body():
            if vm.lock:
                raise TaskError('VM is locked ({0})'.format(vm.lock))
            vm.node = target
            return 'migration finished successfully'
        return await self.task(v['node'], 'qmigrate', vm.vmid, user, body, vm=vm)
