---
- name: Refresh the boot entries
  ansible.builtin.command:
    argv: [proxmox-boot-tool, refresh]
  changed_when: true

- name: Update GRUB
  ansible.builtin.command:
    argv: "{{ ['proxmox-boot-tool', 'refresh'] if proxmox_node_boot_tool.rc | default(1) == 0 else ['update-grub'] }}"
  changed_when: true

- name: Reload the network
  ansible.builtin.command:
    argv: [ifreload, -a]
  changed_when: true

- name: Update the initramfs
  ansible.builtin.command:
    argv: [update-initramfs, -u, -k, all]
  changed_when: true

- name: Reboot the node
  ansible.builtin.reboot:
    msg: "sitec: reboot for IOMMU and VFIO"
    reboot_timeout: 900
