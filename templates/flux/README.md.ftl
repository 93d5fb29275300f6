# Flux

The GitOps tree of the [=v.name] cluster, laid out like Flux's flux2-kustomize-helm-example:

- `[=v.clusterFolder]/`: the Git source (`flux-system.yaml`)
  and one Flux Kustomization per layer.
- `infrastructure/controllers/`: Helm releases that bring drivers and CRDs (Longhorn, csi-driver-nfs, NVIDIA's
  device plugin when a GPU exists).
- `infrastructure/configs/`: what uses them (StorageClasses, the `nvidia` RuntimeClass); after the controllers.
- `apps/`: the site's applications, one folder each; after the configs.

Flux is installed by the Ansible `flux_bootstrap` role (Flux [=v.fluxVersion]); it creates the deploy key
secret from site.yaml's `flux_git_deploy_key` and applies `flux-system.yaml`. No secret value is in this tree.

Nodes mount NFS volumes from the storage VM's address on the storage network: a node without an address on
that network reaches it only if your router routes between the VLANs.
