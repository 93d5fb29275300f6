---
# Before 24.04, Ubuntu's raspi kernel kept vxlan (flannel's backend) in linux-modules-extra-raspi;
# from 24.04 on vxlan is in the kernel package and that package no longer exists (k3s-io/docs
# PR #305, k3s-io/k3s-ansible PR #346). Raspberry Pi kernels leave the memory cgroup off
# (docs.k3s.io: installation/requirements).
- name: Install the raspi kernel's extra modules (vxlan for flannel), on Ubuntu before 24.04
  ansible.builtin.apt:
    name: linux-modules-extra-raspi
    state: present
  when: ansible_facts.distribution == 'Ubuntu' and ansible_facts.distribution_version is version('24.04', '<')
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
