"""A Windows guest's machine type is pinned to a version when the VM is created.

PVE imitated: qemu-server (checked at e6352be6, 9.2.6):
- src/PVE/API2/Qemu.pm create_vm: "always pin Windows' machine version on create":
  $conf->{machine} = PVE::QemuServer::Machine::check_and_pin_machine_string($conf->{machine},
  $conf->{ostype}, $arch);
- src/PVE/QemuServer/Machine.pm check_and_pin_machine_string: when the machine type is unset or
  one of pc/q35/virt and PVE::QemuServer::Helpers::windows_version($ostype) (wxp w2k w2k3 w2k8
  wvista winN) is true, the type becomes windows_get_pinned_machine_version(): `pc-i440fx-X.Y+pveN`
  / `pc-q35-X.Y+pveN` for the latest installed QEMU machine version (latest_installed_machine_version:
  the kvm version's major.minor plus `+pve` and $PVE_MACHINE_VERSION->{X.Y}{highest} when > 0).
- src/PVE/API2/Qemu.pm update_vm: setting `ostype` pins the same way (into pending) unless `machine`
  is set or removed in the same request.
fakepve reports QEMU 10.0.2 (fakepve.qemu.QEMU_VERSION); $PVE_MACHINE_VERSION has 10.0 => highest 1,
so a Windows `q35` becomes `pc-q35-10.0+pve1`. fakepve 0.5.0 keeps the machine as sent.
"""

import re

from fakepve.lxc import split_props
from fakepve.qemu import QEMU_VERSION

# qemu-server src/PVE/QemuServer/Machine.pm $PVE_MACHINE_VERSION: major.minor -> highest +pveN.
PVE_MACHINE_VERSION = {'4.1': 2, '9.2': 1, '10.0': 1}


def windows_version(ostype):
    """PVE::QemuServer::Helpers::windows_version."""
    if not ostype:
        return 0
    if ostype in ('wxp', 'w2k3', 'w2k'):
        return 5
    if ostype in ('w2k8', 'wvista'):
        return 6
    found = re.fullmatch(r'win(\d+)', ostype)
    return int(found.group(1)) if found else 0


def latest_installed_machine_version(kvm_version=QEMU_VERSION):
    version = re.match(r'^(\d+\.\d+)', kvm_version).group(1)
    pvever = PVE_MACHINE_VERSION.get(version, 0)
    return version + ('+pve{0}'.format(pvever) if pvever > 0 else '')


def pinned_machine_string(machine_string, ostype, arch='x86_64'):
    """check_and_pin_machine_string: the machine property string, pinned for a Windows ostype."""
    first, props = split_props(machine_string or '')
    kind = props.pop('type', None) or first
    if (not kind or kind in ('pc', 'q35', 'virt')) and windows_version(ostype):
        kind = kind or ('pc' if arch == 'x86_64' else 'virt')
        pin = latest_installed_machine_version()
        kind = {'pc': 'pc-i440fx-', 'q35': 'pc-q35-', 'virt': 'virt-'}[kind] + pin
    if not kind and not props:
        return machine_string
    return ','.join([kind] + ['{0}={1}'.format(k, props[k]) for k in sorted(props)]) if kind else machine_string


class WindowsMachinePin(object):
    """Mixin of FakePve: qemu-server's Windows machine pin at create and on an ostype change."""

    async def _qm_create(self, v, user):
        if windows_version(v.get('ostype')):
            pinned = pinned_machine_string(v.get('machine'), v.get('ostype'))
            if pinned:
                v = dict(v, machine=pinned)
        return await super()._qm_create(v, user)

    async def _apply_config(self, vm, user, p):
        deletes = [k for k in str(p.get('delete', '') or '').split(',') if k]
        if 'ostype' in p and 'machine' not in p and 'machine' not in vm.pending and 'machine' not in deletes \
                and windows_version(p['ostype']):
            pinned = pinned_machine_string(vm.config.get('machine'), p['ostype'])
            if pinned and pinned != vm.config.get('machine'):
                p = dict(p, machine=pinned)
        return await super()._apply_config(vm, user, p)
