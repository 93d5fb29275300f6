# gpu

NVIDIA driver and container toolkit on a VM with a passed-through NVIDIA GPU, so K3s's containerd gets the nvidia runtime.

Variables (defaults in `defaults/main.yml`; sitec sets the site's values in the inventory):

- `gpu_nvidia`
- `gpu_toolkit_repository`
