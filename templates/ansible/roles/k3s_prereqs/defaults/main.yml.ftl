---
# Debian and Ubuntu (apt).
k3s_prereqs_packages: [open-iscsi, nfs-common, cryptsetup, dmsetup, curl, ca-certificates]
# The RedHat family (dnf): the same for Longhorn and the NFS driver (iscsiadm, mount.nfs4, cryptsetup,
# dmsetup), container-selinux, which the K3s SELinux policy builds on, and tar, which Debian always
# has and EL's minimal package set lacks (flux_bootstrap unpacks Flux's release archive).
k3s_prereqs_packages_redhat: [iscsi-initiator-utils, nfs-utils, cryptsetup, device-mapper, container-selinux, tar, curl, ca-certificates]
# Where SELinux is on (enforcing or permissive), the RedHat family gets the K3s policy (k3s-selinux)
# from Rancher's RPM repository, at this version, and K3s runs with selinux: true.
k3s_prereqs_selinux: "{{ ansible_facts['os_family'] == 'RedHat' and ansible_facts['selinux']['status'] | default('disabled') == 'enabled' }}"
k3s_prereqs_selinux_version: "1.6-1"
k3s_prereqs_selinux_el: "{{ '8' if ansible_facts['distribution'] == 'Fedora' or ansible_facts['distribution_major_version'] == '8' else '9' }}"
# Where firewalld runs (service facts), K3s's ports are opened and its networks trusted.
k3s_prereqs_firewalld: "{{ (ansible_facts['services'] | default({})).get('firewalld.service', {}).get('state', '') == 'running' }}"
k3s_prereqs_firewalld_ports: [8472/udp, 10250/tcp]
k3s_prereqs_firewalld_server_ports: [6443/tcp, 2379-2380/tcp]
# K3s's default pod (cluster-cidr) and service (service-cidr) networks.
k3s_prereqs_cluster_networks: [10.42.0.0/16, 10.43.0.0/16]
# Modules K3s (overlay, bridge netfilter) and Longhorn (iSCSI, dm-crypt) need.
k3s_prereqs_modules: [overlay, br_netfilter, iscsi_tcp, dm_crypt]
k3s_prereqs_sysctls:
  net.bridge.bridge-nf-call-iptables: 1
  net.bridge.bridge-nf-call-ip6tables: 1
  net.ipv4.ip_forward: 1
# false where the running kernel cannot be touched (a chroot, an image being built): then only the
# files that apply at boot are written.
k3s_prereqs_live: true
# A dedicated disk for Longhorn (set per host by sitec), formatted ext4 and mounted where Longhorn keeps its data.
k3s_prereqs_longhorn_disk: ""
k3s_prereqs_longhorn_path: /var/lib/longhorn
# Raspberry Pi items, if cloud-init did not apply them already.
k3s_prereqs_raspberry_pi: false
k3s_prereqs_firmware_cmdline: /boot/firmware/cmdline.txt
