# k3s_prereqs

What K3s and Longhorn need on a node: packages, kernel modules, sysctls, swap off, multipath kept off Longhorn's disks, the dedicated Longhorn disk, and the Raspberry Pi cgroup and kernel-module items.

Variables (defaults in `defaults/main.yml`; sitec sets the site's values in the inventory):

- `k3s_prereqs_packages`
- `k3s_prereqs_modules`
- `k3s_prereqs_sysctls`
- `k3s_prereqs_live`
- `k3s_prereqs_longhorn_disk`
- `k3s_prereqs_raspberry_pi`
