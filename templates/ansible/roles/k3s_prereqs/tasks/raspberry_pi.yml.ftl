---
# Ubuntu's raspi kernel keeps vxlan (flannel's backend) in an extra package, and Raspberry Pi
# kernels leave the memory cgroup off (docs.k3s.io: installation/requirements, advanced).
- name: Install the raspi kernel's extra modules (vxlan for flannel)
  ansible.builtin.apt:
    name: linux-modules-extra-raspi
    state: present
  notify: Reboot

- name: Read the firmware command line
  ansible.builtin.slurp:
    src: "{{ k3s_prereqs_firmware_cmdline }}"
  register: k3s_prereqs_cmdline

- name: Turn the memory cgroup on in the firmware command line
  ansible.builtin.copy:
    dest: "{{ k3s_prereqs_firmware_cmdline }}"
    content: "{{ k3s_prereqs_cmdline.content | b64decode | trim }} cgroup_memory=1 cgroup_enable=memory\n"
    mode: preserve
  when: "'cgroup_memory=1' not in (k3s_prereqs_cmdline.content | b64decode)"
  notify: Reboot
