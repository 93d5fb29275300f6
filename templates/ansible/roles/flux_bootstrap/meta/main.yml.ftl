---
galaxy_info:
  role_name: flux_bootstrap
  namespace: sitec
  author: sitec
  description: >-
    Installs Flux at the site's version, the Git deploy key secret, and the cluster's sync objects from
    the generated Flux tree.
  license: MIT
  min_ansible_version: "2.14"
  platforms:
    - name: Debian
      versions:
        - all
    - name: Ubuntu
      versions:
        - all
dependencies: []
