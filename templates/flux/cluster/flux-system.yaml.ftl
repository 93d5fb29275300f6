# The Git source of the [=v.name] cluster and the Kustomization that syncs this folder. The Ansible
# flux_bootstrap role installs Flux [=v.fluxVersion] and the deploy key secret, then applies this file;
# from then on Flux manages it like everything else here.
---
apiVersion: source.toolkit.fluxcd.io/v1
kind: GitRepository
metadata:
  name: flux-system
  namespace: flux-system
spec:
  interval: 1m0s
  url: "[=v.repository]"
  ref:
    branch: "[=v.branch]"
<#if v.deployKey>
  secretRef:
    name: flux-system
</#if>
---
apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata:
  name: flux-system
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
