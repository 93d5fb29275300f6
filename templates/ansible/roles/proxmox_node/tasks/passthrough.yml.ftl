---
- name: Find the boot loader, whose command line gets the IOMMU flags
  ansible.builtin.include_tasks: boot_loader.yml

- name: Turn the IOMMU on in the systemd-boot command line
  ansible.builtin.lineinfile:
    path: /etc/kernel/cmdline
    regexp: '^(?!.*\biommu=pt\b)(.*)$'
    line: '\1 {{ proxmox_node_iommu_flags }}'
    backrefs: true
  when: proxmox_node_boot_loader == 'systemd-boot'
  notify: [Refresh the boot entries, Mark the node for a reboot]

- name: Turn the IOMMU on in the GRUB command line
  ansible.builtin.lineinfile:
    path: /etc/default/grub
    regexp: '^GRUB_CMDLINE_LINUX_DEFAULT="(?!.*\biommu=pt\b)(.*)"$'
    line: 'GRUB_CMDLINE_LINUX_DEFAULT="\1 {{ proxmox_node_iommu_flags }}"'
    backrefs: true
  when: proxmox_node_boot_loader == 'grub'
  notify: [Update GRUB, Mark the node for a reboot]

- name: Load the VFIO modules at boot
  ansible.builtin.copy:
    dest: /etc/modules-load.d/vfio.conf
    content: |
      vfio
      vfio_iommu_type1
      vfio_pci
    owner: root
    group: root
    mode: "0644"
  notify: [Update the initramfs, Mark the node for a reboot]

- name: Keep the host's drivers away from the passed-through GPUs
  ansible.builtin.copy:
    dest: /etc/modprobe.d/sitec-gpu-passthrough.conf
    content: |
      blacklist nouveau
      blacklist nvidia
      blacklist nvidiafb
      options vfio-pci ids={{ proxmox_node_gpu_ids | join(',') }}
      softdep nouveau pre: vfio-pci
    owner: root
    group: root
    mode: "0644"
  when: proxmox_node_gpu_ids | length > 0
  notify: [Update the initramfs, Mark the node for a reboot]
