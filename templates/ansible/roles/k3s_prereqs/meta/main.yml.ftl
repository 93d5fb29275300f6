---
galaxy_info:
  role_name: k3s_prereqs
  namespace: sitec
  author: sitec
  description: >-
    What K3s and Longhorn need on a node: packages (apt, or dnf on the RedHat family with the K3s
    SELinux policy and firewalld rules), kernel modules, sysctls, swap off, multipath kept
    off Longhorn's disks, the dedicated Longhorn disk, and the Raspberry Pi cgroup and kernel-module
    items.
  license: MIT
  min_ansible_version: "2.14"
  platforms:
    - name: Debian
      versions:
        - all
    - name: Ubuntu
      versions:
        - all
    - name: EL
      versions:
        - all
    - name: Fedora
      versions:
        - all
dependencies: []
