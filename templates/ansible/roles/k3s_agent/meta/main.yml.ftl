---
galaxy_info:
  role_name: k3s_agent
  namespace: sitec
  author: sitec
  description: >-
    A K3s agent at the site's version, joining through the API VIP.
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
