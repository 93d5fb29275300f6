# Flux

The GitOps tree of <#if v.clusters?size == 1>the [=v.clusters[0].name] cluster<#else>the K3s clusters <#list v.clusters as c>[=c.name]<#sep>, </#list></#if>, laid out like Flux's
flux2-kustomize-helm-example, one set of folders per cluster:

<#list v.clusters as c>
<#if c.bootstrap>
- `[=c.clusterFolder]/`: cluster [=c.name]'s Git source (`flux-system.yaml`) and one Flux Kustomization per layer.
<#else>
- `[=c.clusterFolder]/`: one Flux Kustomization per layer of cluster [=c.name] (named `sitec-…`, clear of your
  own), whose Flux runs from your own tree: copy `entries/[=c.name].yaml` (the Kustomization `[=c.entryName]`, which
  syncs this folder) into the folder your `flux-system` Kustomization syncs. Both read the `flux-system`
  GitRepository in namespace `flux-system` that your bootstrap made, so it must read the repository that holds
  this tree.
</#if>
</#list>
- `infrastructure/<cluster>/controllers/`: Helm releases that bring drivers and CRDs (Longhorn, csi-driver-nfs,
  NVIDIA's device plugin when a GPU exists).
- `infrastructure/<cluster>/configs/`: what uses them (the StorageClasses); after the controllers. The `nvidia`
  RuntimeClass the device plugin runs with is K3s's own (its packaged `runtimes.yaml` manifest).
- `apps/<cluster>/`: the cluster's applications, one folder each; after the configs.

<#if v.clusters?filter(c -> c.bootstrap)?has_content>
Flux is installed by the Ansible `flux_bootstrap` role (Flux [=v.clusters?filter(c -> c.bootstrap)?first.fluxVersion]) from the first server of each
cluster it bootstraps; it creates the deploy key secret from site.yaml's `flux_git_deploy_key` and applies
`flux-system.yaml`. No secret value is in this tree.
<#else>
sitec bootstraps no Flux here: each cluster's Flux runs from its owner's tree. No secret value is in this tree.
</#if>

Nodes mount NFS volumes from an address of the NFS server that every K3s node reaches (a pod with an NFS volume,
and csi-driver-nfs's controller, may run on any node): on a network every node has an address on, a storage
network first; otherwise on a routed network, through each node's gateway. To keep NFS traffic on a storage
network, give every K3s node an address on it.
