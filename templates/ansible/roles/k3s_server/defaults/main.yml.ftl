---
# Where K3s releases are published; the binary is checked against the release's sha256sum file.
k3s_server_release_url: "https://github.com/k3s-io/k3s/releases/download/{{ k3s_version | urlencode }}"
k3s_server_binary:
  amd64: k3s
  arm64: k3s-arm64
k3s_server_service: k3s
# kube-vip announces the API VIP from the servers (ARP, leader election).
k3s_server_kube_vip_version: v0.9.2
# K3s's deploy controller applies what this folder holds.
k3s_server_manifests_folder: /var/lib/rancher/k3s/server/manifests
# SELinux on (enforcing or permissive): the binary's label, the unit's context and selinux: true.
k3s_server_selinux: "{{ ansible_facts['selinux']['status'] | default('disabled') == 'enabled' }}"
