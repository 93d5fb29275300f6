---
galaxy_info:
  role_name: k3s_server
  namespace: sitec
  author: sitec
  description: >-
    A K3s server at the site's version: checksum-verified binary and unit, config from site.yaml, the
    token as a drop-in, kube-vip for the API VIP and LoadBalancer Services, HelmCharts without Flux.
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
