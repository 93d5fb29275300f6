"""A VM config change is stored with the schema's types, as qemu-server stores and reads it back.

PVE imitated: qemu-server src/PVE/QemuServer.pm parse_vm_config() reads every key back through
check_type() (integers as numbers, booleans as 0/1), so `GET .../config` answers `"cores": 4`
whatever form the update came in. fakepve 0.5.0 checks an update against the schema but stores
the raw form values (`"cores": "4"`), which the provider cannot decode ("cannot unmarshal string
into Go struct field ... cores of type int64"); a create was already stored typed.
"""

from fakepve import schema as pve_schema

CONFIG = '/nodes/{node}/qemu/{vmid}/config'


def typed(values):
    """The values as the PUT config schema types them (an invalid one is left as sent)."""
    spec = pve_schema.load().paths[CONFIG]['PUT'].get('parameters') or {}
    out = {}
    for key, value in values.items():
        coerced, errors = pve_schema.validate({'properties': spec.get('properties', {})}, {key: value})
        out[key] = coerced.get(key, value) if key not in errors else value
    return out


class TypedConfigUpdates(object):
    """Mixin of FakePve: config updates stored with their schema types."""

    async def _apply_config(self, vm, user, p):
        return await super()._apply_config(vm, user, typed(p))
