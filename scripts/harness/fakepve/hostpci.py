"""A raw PCI passthrough (`hostpciN: 0000:01:00`, not `mapping=`) may be set by root@pam only.

PVE imitated: qemu-server src/PVE/API2/Qemu.pm (checked at e6352be6, 9.2.6), check_hostpci_perm:
    return 1 if $authuser eq 'root@pam';
    if ($device->{host}) { die "only root can set '$opt' config for non-mapped devices\\n"; }
    elsif ($device->{mapping}) { check_full(..., "/mapping/pci/$device->{mapping}", ['Mapping.Use']);
                                 check_vm_perm(..., ['VM.Config.HWType']); }
    else { die "either 'host' or 'mapping' must be set.\\n"; }
    raise_param_exc({ $opt => "only root\\@pam can set 'romfile' option" }) if defined romfile;
called by check_vm_create_hostpci_perm at create, and in update_vm for a new value, for the old
value it replaces and for a deleted one. fakepve 0.5.0 asks VM.Config.HWType only.
"""

from fakepve.lxc import split_props
from fakepve.model import PveError
from fakepve.routing import param_error


def check_hostpci_perm(pve, user, vmid, opt, value):
    if user == 'root@pam':
        return
    first, props = split_props(value)
    host = props.get('host', first)
    if host and 'mapping' not in props:
        raise PveError(500, "only root can set '{0}' config for non-mapped devices".format(opt))
    if props.get('mapping'):
        pve.require(user, '/mapping/pci/' + props['mapping'], 'Mapping.Use')
        pve.require(user, '/vms/{0}'.format(vmid), 'VM.Config.HWType')
    else:
        raise PveError(500, "either 'host' or 'mapping' must be set.")
    if 'romfile' in props:
        raise param_error(**{opt: "only root@pam can set 'romfile' option"})


class HostPciRootOnly(object):
    """Mixin of FakePve: qemu-server's check_hostpci_perm."""

    async def _qm_create(self, v, user):
        if self.acl is not None:
            for key in sorted(v):
                if key.startswith('hostpci') and key[7:].isdigit():
                    check_hostpci_perm(self, user, v['vmid'], key, v[key])
        return await super()._qm_create(v, user)

    async def _apply_config(self, vm, user, p):
        if self.acl is not None:
            deletes = [k for k in str(p.get('delete', '') or '').split(',') if k]
            for key in sorted(set(p) | set(deletes)):
                if not (key.startswith('hostpci') and key[7:].isdigit()):
                    continue
                old = vm.pending.get(key) or vm.config.get(key)
                if old:
                    check_hostpci_perm(self, user, vm.vmid, key, old)
                if key in p:
                    check_hostpci_perm(self, user, vm.vmid, key, p[key])
        return await super()._apply_config(vm, user, p)
