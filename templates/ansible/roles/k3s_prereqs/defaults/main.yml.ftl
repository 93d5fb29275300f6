---
k3s_prereqs_packages: [open-iscsi, nfs-common, cryptsetup, dmsetup, curl, ca-certificates]
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
