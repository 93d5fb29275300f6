---
# Set per host by sitec: whether the host has an NVIDIA GPU passed through.
gpu_nvidia: false
gpu_toolkit_key_url: https://nvidia.github.io/libnvidia-container/gpgkey
gpu_toolkit_repository: https://nvidia.github.io/libnvidia-container/stable/deb/$(ARCH)
