# USB devices are attached here, as root, not by Terraform: PVE lets only root@pam pass a device by
# port (qemu-server API2/Qemu.pm check_usb_perm: "only root can set ... for real devices"), and a
# USB mapping checks its vendor:device id at every VM start (pve-guest-common Mapping/USB.pm
# assert_valid), which a device such as a Coral TPU changes once its firmware is loaded. Terraform
# ignores the VMs' usb settings. A VM Terraform has not created yet is skipped.
---
- name: Read the configuration of each VM that gets a USB device
  ansible.builtin.command:
    argv: [pvesh, get, "/nodes/{{ inventory_hostname }}/qemu/{{ item.vmid }}/config", --output-format, json]
  loop: "{{ proxmox_node_usb_devices }}"
  loop_control:
    label: "{{ item.vm }}"
  register: proxmox_node_usb_vms
  changed_when: false
  failed_when: false

- name: Attach each device by port (or by id when it has no port)
  ansible.builtin.command:
    argv: [qm, set, "{{ item.item.vmid }}", "--{{ item.item.slot }}", "{{ proxmox_node_usb_wanted }}"]
  vars:
    proxmox_node_usb_wanted: "host={{ item.item.host }},usb3=1"
  loop: "{{ proxmox_node_usb_vms.results | selectattr('rc', 'equalto', 0) | list }}"
  loop_control:
    label: "{{ item.item.vm }} {{ item.item.slot }}"
  when: (item.stdout | from_json).get(item.item.slot, '') != proxmox_node_usb_wanted
  changed_when: true
