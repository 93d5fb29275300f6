# Settings only root@pam may make, made here with qm and pct once Terraform has created the guest:
# - a USB device by port (qemu-server API2/Qemu.pm check_usb_perm: "only root can set ... for real
#   devices"); a USB mapping checks its vendor:device id at every VM start (pve-guest-common
#   Mapping/USB.pm), which a Coral TPU changes once its firmware is loaded;
# - a Windows VM's driver CD-ROM: the provider manages one CD-ROM (its cdrom block has MaxItems 1)
#   and reads back only that one's interface, so a second drive is left alone by Terraform;
# - a container's bind mounts, device nodes and features other than nesting (pve-container
#   check_ct_modify_config_perm: "only allowed for root@pam"; an API token is never root@pam).
# Terraform ignores these settings. A guest Terraform has not created yet is skipped.
---
- name: Read the configuration of each guest that gets a setting
  ansible.builtin.command:
    argv: [pvesh, get, "/nodes/{{ inventory_hostname }}/{{ 'qemu' if item.tool == 'qm' else 'lxc' }}/{{ item.vmid }}/config", --output-format, json]
  loop: "{{ proxmox_node_guest_settings }}"
  loop_control:
    label: "{{ item.guest }} {{ item.option }}"
  register: proxmox_node_guest_configs
  changed_when: false
  failed_when: false

- name: Make each setting the guest does not have yet
  ansible.builtin.command:
    argv: ["{{ item.item.tool }}", set, "{{ item.item.vmid }}", "--{{ item.item.option }}", "{{ item.item.value }}"]
  loop: "{{ proxmox_node_guest_configs.results | selectattr('rc', 'equalto', 0) | list }}"
  loop_control:
    label: "{{ item.item.guest }} {{ item.item.option }}"
  when: (item.stdout | from_json).get(item.item.option, '') != item.item.value
  changed_when: true
