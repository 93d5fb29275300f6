# k3s_prereqs

What K3s and Longhorn need on a node: packages, kernel modules, sysctls, swap off, multipath kept off Longhorn's disks, the dedicated Longhorn disk, and the Raspberry Pi cgroup and kernel-module items.

Debian and Ubuntu install with apt. The RedHat family (AlmaLinux, Rocky, Fedora, CentOS Stream; by the
host's `os_family` fact) installs with dnf (`tasks/redhat.yml`), as K3s's install script and k3s-ansible do:

- where SELinux is on, the K3s policy `k3s-selinux` at a pinned version from Rancher's repository
  (`rpm.rancher.io`, `centos/8` for EL 8 and Fedora, `centos/9` for EL 9 and later), on top of
  `container-selinux`; the `k3s_server` and `k3s_agent` roles then label the binary and run K3s with
  `selinux: true`;
- where firewalld runs, 8472/udp (flannel VXLAN) and 10250/tcp (kubelet) on every node, 6443/tcp and
  2379-2380/tcp (embedded etcd) on servers, and the pod and service networks (10.42.0.0/16,
  10.43.0.0/16) in the trusted zone. K3s's documentation recommends turning firewalld off instead;
  LoadBalancer Services and NodePorts may need more rules.

Variables (defaults in `defaults/main.yml`; sitec sets the site's values in the inventory):

- `k3s_prereqs_packages` (apt), `k3s_prereqs_packages_redhat` (dnf)
- `k3s_prereqs_modules`
- `k3s_prereqs_sysctls`
- `k3s_prereqs_live`
- `k3s_prereqs_longhorn_disk`
- `k3s_prereqs_raspberry_pi`
- `k3s_prereqs_selinux`, `k3s_prereqs_selinux_version`
- `k3s_prereqs_firewalld`, `k3s_prereqs_firewalld_ports`, `k3s_prereqs_firewalld_server_ports`, `k3s_prereqs_cluster_networks`
