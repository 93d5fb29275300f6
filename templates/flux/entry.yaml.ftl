# Cluster [=v.name]'s Flux runs from your own tree (flux.bootstrap: false): copy this file into the folder
# your flux-system Kustomization syncs (clusters/[=v.name]/ in a `flux bootstrap` layout). It syncs sitec's
# layers of the cluster, [=v.syncPath], from the repository your bootstrap's flux-system GitRepository
# reads, which must be the one that holds this tree.
---
apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata:
  name: [=v.entryName]
  namespace: flux-system
spec:
  interval: 10m0s
  retryInterval: 1m0s
  timeout: 5m0s
  path: "[=v.syncPath]"
  prune: true
  sourceRef:
    kind: GitRepository
    name: flux-system
