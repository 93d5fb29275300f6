---
# The RedHat family (AlmaLinux, Rocky, Fedora, CentOS Stream): packages with dnf, the K3s SELinux
# policy where SELinux is on, and K3s's ports where firewalld runs. What K3s's install script
# (install.sh setup_selinux) and k3s-ansible's prereq role (roles/prereq/tasks/main.yml) do there.
- name: Install the packages K3s and Longhorn need
  ansible.builtin.dnf:
    name: "{{ k3s_prereqs_packages_redhat }}"
    state: present
    update_cache: true

# RHEL 10 moved br_netfilter out of the kernel-core package (k3s-ansible roles/prereq).
- name: Install the kernel's extra modules (br_netfilter), on EL 10
  ansible.builtin.dnf:
    name: kernel-modules-extra
    state: present
  when: ansible_facts['distribution'] != 'Fedora' and ansible_facts['distribution_major_version'] == '10'

# EL's sudoers leaves /usr/local/bin out of secure_path: `sudo k3s kubectl ...` (the runbook's
# commands) would not find K3s. k3s-ansible's prereq role adds it to /etc/sudoers; a drop-in keeps
# the distribution's file as it is.
- name: Let sudo find K3s in /usr/local/bin
  ansible.builtin.copy:
    dest: /etc/sudoers.d/10-sitec-k3s-path
    content: "Defaults secure_path = /sbin:/bin:/usr/sbin:/usr/bin:/usr/local/sbin:/usr/local/bin\n"
    owner: root
    group: root
    mode: "0440"
    validate: visudo -cf %s

- name: Start iscsid at boot, for Longhorn
  ansible.builtin.systemd:
    name: iscsid
    enabled: true

# install.sh takes the policy for EL 8 (and Fedora) from centos/8, for EL 9 and later from centos/9,
# of Rancher's RPM repository, signed with its key; sitec pins the policy's version.
- name: Add Rancher's repository of the K3s SELinux policy
  ansible.builtin.yum_repository:
    name: rancher-k3s-common-stable
    description: Rancher K3s Common (stable)
    baseurl: "https://rpm.rancher.io/k3s/stable/common/centos/{{ k3s_prereqs_selinux_el }}/noarch"
    gpgcheck: true
    repo_gpgcheck: false
    gpgkey: https://rpm.rancher.io/public.key
  when: k3s_prereqs_selinux | bool

- name: Install the K3s SELinux policy {{ k3s_prereqs_selinux_version }}
  ansible.builtin.dnf:
    name: "k3s-selinux-{{ k3s_prereqs_selinux_version }}.el{{ k3s_prereqs_selinux_el }}"
    state: present
  when: k3s_prereqs_selinux | bool

- name: Read whether firewalld runs
  ansible.builtin.service_facts:

# docs.k3s.io installation/requirements: 6443/tcp on servers (agents and kubectl), 2379-2380/tcp
# between servers (embedded etcd), 8472/udp (flannel VXLAN) and 10250/tcp (kubelet metrics) between
# all nodes, and the pod and service networks trusted.
- name: Open K3s's ports in firewalld
  ansible.posix.firewalld:
    port: "{{ item }}"
    state: enabled
    permanent: true
    immediate: true
  loop: "{{ k3s_prereqs_firewalld_ports + (k3s_prereqs_firewalld_server_ports if k3s_role | default('') == 'server' else []) }}"
  when: k3s_prereqs_firewalld | bool

- name: Trust K3s's pod and service networks in firewalld
  ansible.posix.firewalld:
    source: "{{ item }}"
    zone: trusted
    state: enabled
    permanent: true
    immediate: true
  loop: "{{ k3s_prereqs_cluster_networks }}"
  when: k3s_prereqs_firewalld | bool
