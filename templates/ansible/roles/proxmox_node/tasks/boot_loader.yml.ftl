# The kernel command line lives where the boot loader reads it, and the filesystem does not say
# which that is: ZFS on legacy BIOS or with Secure Boot boots GRUB too (pve-docs
# system-booting.adoc, "Determine which Bootloader is Used": efibootmgr shows what booted; without
# EFI variables it is GRUB in BIOS mode). Sets proxmox_node_boot_loader to systemd-boot or grub.
---
- name: Ask the firmware which boot loader started this node
  ansible.builtin.command:
    argv: [efibootmgr, -v]
  register: proxmox_node_efi
  changed_when: false
  failed_when: false

- name: Ask whether proxmox-boot-tool keeps the boot partitions
  ansible.builtin.command:
    argv: [proxmox-boot-tool, status]
  register: proxmox_node_boot_tool
  changed_when: false
  failed_when: false

- name: Keep the boot loader that is in use
  ansible.builtin.set_fact:
    proxmox_node_boot_loader: "{{ 'systemd-boot' if proxmox_node_entry is search('systemd-boot', ignorecase=true) else 'grub' }}"
  vars:
    proxmox_node_current: "{{ proxmox_node_efi.stdout | default('') | regex_search('BootCurrent: *([0-9A-Fa-f]{4})', '\\1') | default([''], true) | first }}"
    proxmox_node_entries: "{{ proxmox_node_efi.stdout_lines | default([]) if proxmox_node_efi.rc | default(1) == 0 else [] }}"
    proxmox_node_entry: "{{ proxmox_node_entries | select('match', '^Boot' ~ proxmox_node_current ~ '[* ]') | first | default('') }}"
