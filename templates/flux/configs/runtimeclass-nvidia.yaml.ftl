# K3s registers the nvidia containerd runtime on nodes with the NVIDIA container toolkit; pods
# that ask for this RuntimeClass (the device plugin, GPU workloads) run with it.
---
apiVersion: node.k8s.io/v1
kind: RuntimeClass
metadata:
  name: nvidia
handler: nvidia
