---
galaxy_info:
  role_name: gpu
  namespace: sitec
  author: sitec
  description: >-
    NVIDIA driver and container toolkit on a VM with a passed-through NVIDIA GPU, so K3s's containerd
    gets the nvidia runtime.
  license: MIT
  min_ansible_version: "2.14"
  platforms:
    - name: Debian
      versions:
        - all
dependencies: []
