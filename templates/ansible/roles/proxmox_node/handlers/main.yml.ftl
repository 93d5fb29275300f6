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

# Not rebooted here: the play runs on every node at once, and two nodes down together lose the
# cluster's quorum. The mark stays on the node until the last play of playbooks/proxmox.yml has
# rebooted it, one node at a time (proxmox_cluster tasks/reboot.yml).
- name: Mark the node for a reboot
  ansible.builtin.copy:
    dest: "{{ sitec_reboot_marker }}"
    content: "IOMMU and VFIO (sitec)\n"
    owner: root
    group: root
    mode: "0644"
