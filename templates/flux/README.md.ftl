# Flux

The GitOps tree of the [=v.name] cluster, laid out like Flux's flux2-kustomize-helm-example:

- `[=v.clusterFolder]/`: the Git source (`flux-system.yaml`)
  and one Flux Kustomization per layer.
- `infrastructure/controllers/`: Helm releases that bring drivers and CRDs (Longhorn, csi-driver-nfs, NVIDIA's
  device plugin when a GPU exists).
- `infrastructure/configs/`: what uses them (the StorageClasses); after the controllers. The `nvidia`
  RuntimeClass the device plugin runs with is K3s's own (its packaged `runtimes.yaml` manifest).
- `apps/`: the site's applications, one folder each; after the configs.

Flux is installed by the Ansible `flux_bootstrap` role (Flux [=v.fluxVersion]); it creates the deploy key
secret from site.yaml's `flux_git_deploy_key` and applies `flux-system.yaml`. No secret value is in this tree.

Nodes mount NFS volumes from an address of the NFS server that every K3s node reaches (a pod with an NFS volume,
and csi-driver-nfs's controller, may run on any node): on a network every node has an address on, a storage
network first; otherwise on a routed network, through each node's gateway. To keep NFS traffic on a storage
network, give every K3s node an address on it.
