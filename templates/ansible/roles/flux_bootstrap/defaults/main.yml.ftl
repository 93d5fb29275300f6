---
flux_bootstrap_release_url: "https://github.com/fluxcd/flux2/releases/download/{{ k3s_flux_version }}"
flux_bootstrap_kubeconfig: /etc/rancher/k3s/k3s.yaml
flux_bootstrap_arch: "{{ k3s_arch | default('amd64') }}"
