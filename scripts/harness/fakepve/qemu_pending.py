"""A VM's config with its pending values, as qemu-server shows and hotplugs them.

PVE imitated (qemu-server, checked at e6352be6, 9.2.6):
- src/PVE/API2/Qemu.pm vm_config: "Get the virtual machine configuration with pending configuration
  changes applied. Set the 'current' parameter to get the current configuration instead."
  (PVE::QemuConfig->load_current_config($vmid, $param->{current})). fakepve 0.5.0 always answers
  with the current values, so a client that compares with the default answer (`qm config`, the
  provider) would see a pending value as not set yet, where PVE shows it as set.
- src/PVE/QemuServer.pm vmconfig_hotplug_pending: a USB device is hotplugged into a running VM when
  the hotplug option has `usb` (the default `network,disk,usb`), the machine is 7.1 or newer and the
  ostype is l26 or Windows 8 or newer ($is_usb_hotplug_supported), and a usbN deleted likewise
  (vm_deviceunplug). fakepve 0.5.0 keeps every usbN of a running VM pending. A new IDE or SATA drive
  stays pending (vmconfig_update_disk: `die "skip\\n" if !$hotplug || $opt =~ m/(ide|sata)(\\d+)/`),
  as fakepve already has it.
"""

import json
import re

from aiohttp import web

USB_HOTPLUG_OSTYPES = ('l26', 'win8', 'win10', 'win11')


def _usb_hotplug(config):
    hotplug = str(config.get('hotplug', '1'))
    features = ('network', 'disk', 'usb') if hotplug == '1' else tuple(hotplug.split(','))
    return 'usb' in features and str(config.get('ostype', 'other')) in USB_HOTPLUG_OSTYPES


class QemuPendingConfig(object):
    """Mixin of FakePve: GET .../qemu/{vmid}/config merges pending values unless current=1; usbN hotplug."""

    async def _config_get(self, request):
        response = await super()._config_get(request)
        current = request.query.get('current', '0') in ('1', 'true')
        if current or request.query.get('snapshot'):
            return response
        vm = self._vm(request)
        if not vm.pending:
            return response
        body = json.loads(response.body)
        data = body['data']
        for key, value in vm.pending.items():
            if value is None:
                data.pop(key, None)
            else:
                data[key] = value
        return web.json_response({'data': data})

    async def _apply_config(self, vm, user, p):
        result = await super()._apply_config(vm, user, p)
        if vm.status == 'running' and _usb_hotplug(vm.config):
            for key in sorted(k for k in vm.pending if re.fullmatch(r'usb\d+', k)):
                value = vm.pending.pop(key)
                if value is None:
                    vm.config.pop(key, None)
                else:
                    vm.config[key] = value
        return result


__all__ = ['QemuPendingConfig']
