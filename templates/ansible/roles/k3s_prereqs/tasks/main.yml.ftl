---
# The family comes from the host's facts, not from the image site.yaml names: Debian and Ubuntu
# install with apt, the RedHat family (AlmaLinux, Rocky, Fedora, CentOS Stream) with dnf and gets
# its SELinux policy and firewalld rules from redhat.yml.
- name: Stop on a distribution this role does not install on
  ansible.builtin.fail:
    msg: >-
      k3s_prereqs installs on the Debian family (apt) and the RedHat family (dnf); {{ inventory_hostname }}
      runs {{ ansible_facts['distribution'] }} (os_family {{ ansible_facts['os_family'] }}): say the image's os in site.yaml as it is
  when: ansible_facts['os_family'] not in ['Debian', 'RedHat']

- name: Install the packages K3s and Longhorn need (apt)
  ansible.builtin.apt:
    name: "{{ k3s_prereqs_packages }}"
    state: present
    update_cache: true
    cache_valid_time: 3600
  when: ansible_facts['os_family'] == 'Debian'

- name: Install the packages K3s and Longhorn need, SELinux policy and firewalld rules (dnf)
  ansible.builtin.include_tasks: redhat.yml
  when: ansible_facts['os_family'] == 'RedHat'

- name: Load the kernel modules at boot
  ansible.builtin.copy:
    dest: /etc/modules-load.d/k3s.conf
    content: "{{ k3s_prereqs_modules | join('\n') }}\n"
    owner: root
    group: root
    mode: "0644"

- name: Load the kernel modules now
  community.general.modprobe:
    name: "{{ item }}"
    state: present
  loop: "{{ k3s_prereqs_modules }}"
  when: k3s_prereqs_live | bool

- name: Let bridged traffic through iptables and forward IPv4
  ansible.posix.sysctl:
    name: "{{ item.key }}"
    value: "{{ item.value }}"
    sysctl_file: /etc/sysctl.d/90-k3s.conf
    sysctl_set: "{{ k3s_prereqs_live | bool }}"
    reload: "{{ k3s_prereqs_live | bool }}"
    state: present
  loop: "{{ k3s_prereqs_sysctls | dict2items }}"

# A link, not systemctl enable: it works in a chroot too (the RedHat family enables it in redhat.yml).
- name: Start iscsid at boot, for Longhorn
  ansible.builtin.file:
    src: /lib/systemd/system/iscsid.service
    dest: /etc/systemd/system/multi-user.target.wants/iscsid.service
    state: link
  when: ansible_facts['os_family'] == 'Debian'

- name: Start iscsid now
  ansible.builtin.systemd:
    name: iscsid
    state: started
  when: k3s_prereqs_live | bool

- name: Check whether multipathd is installed
  ansible.builtin.stat:
    path: /usr/sbin/multipathd
  register: k3s_prereqs_multipathd

- name: Keep multipathd off Longhorn's disks
  ansible.builtin.copy:
    dest: /etc/multipath.conf
    content: |
      blacklist {
          devnode "^sd[a-z0-9]+"
      }
    owner: root
    group: root
    mode: "0644"
  when: k3s_prereqs_multipathd.stat.exists
  notify: Restart multipathd

- name: Turn swap off now
  ansible.builtin.command:
    argv: [swapoff, -a]
  when: k3s_prereqs_live | bool and ansible_facts.swaptotal_mb | default(0) > 0
  changed_when: true

- name: Keep swap off after a reboot
  ansible.builtin.replace:
    path: /etc/fstab
    regexp: '^([^#\s]\S*\s+\S+\s+swap\s.*)$'
    replace: '# \1'

- name: Format the dedicated Longhorn disk
  community.general.filesystem:
    dev: "{{ k3s_prereqs_longhorn_disk }}"
    fstype: ext4
  when: k3s_prereqs_longhorn_disk | length > 0

- name: Mount the Longhorn disk where Longhorn keeps its data
  ansible.posix.mount:
    path: "{{ k3s_prereqs_longhorn_path }}"
    src: "{{ k3s_prereqs_longhorn_disk }}"
    fstype: ext4
    opts: defaults,nofail
    state: "{{ 'mounted' if k3s_prereqs_live | bool else 'present' }}"
  when: k3s_prereqs_longhorn_disk | length > 0

# nofail keeps a node with a failed disk bootable (and reachable), but Longhorn would then write its
# replicas to the root filesystem below the empty mount point. K3s needs the mount instead: without
# it systemd does not start K3s on the node (RequiresMountsFor), which shows it NotReady.
- name: Make the K3s units' drop-in folders
  ansible.builtin.file:
    path: "/etc/systemd/system/{{ item }}.service.d"
    state: directory
    owner: root
    group: root
    mode: "0755"
  loop: [k3s, k3s-agent]
  when: k3s_prereqs_longhorn_disk | length > 0

- name: Start K3s only with the Longhorn disk mounted
  ansible.builtin.copy:
    dest: "/etc/systemd/system/{{ item }}.service.d/10-longhorn-disk.conf"
    content: |
      [Unit]
      RequiresMountsFor={{ k3s_prereqs_longhorn_path }}
    owner: root
    group: root
    mode: "0644"
  loop: [k3s, k3s-agent]
  when: k3s_prereqs_longhorn_disk | length > 0
  notify: Reload systemd

- name: Apply the Raspberry Pi items
  ansible.builtin.include_tasks: raspberry_pi.yml
  when: k3s_prereqs_raspberry_pi | bool
