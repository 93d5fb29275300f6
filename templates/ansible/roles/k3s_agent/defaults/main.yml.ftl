---
# Where K3s releases are published; the binary is checked against the release's sha256sum file.
k3s_agent_release_url: "https://github.com/k3s-io/k3s/releases/download/{{ k3s_version | urlencode }}"
k3s_agent_binary:
  amd64: k3s
  arm64: k3s-arm64
k3s_agent_service: k3s-agent
# SELinux on (enforcing or permissive): the binary's label, the unit's context and selinux: true.
k3s_agent_selinux: "{{ ansible_facts['selinux']['status'] | default('disabled') == 'enabled' }}"
