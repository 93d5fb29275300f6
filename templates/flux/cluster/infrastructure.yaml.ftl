# Infrastructure in two layers: controllers (Helm releases that bring CRDs and drivers) first, then
# the configs that use them. `wait` makes each layer ready before the next starts.
---
apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata:
  name: [=v.layerPrefix]infra-controllers
  namespace: flux-system
spec:
  interval: 1h0m0s
  retryInterval: 1m0s
  timeout: 15m0s
  path: "[=v.controllersPath]"
  prune: true
  wait: true
  sourceRef:
    kind: GitRepository
    name: flux-system
---
apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata:
  name: [=v.layerPrefix]infra-configs
  namespace: flux-system
spec:
  dependsOn:
    - name: [=v.layerPrefix]infra-controllers
  interval: 1h0m0s
  retryInterval: 1m0s
  timeout: 5m0s
  path: "[=v.configsPath]"
  prune: true
  wait: true
  sourceRef:
    kind: GitRepository
    name: flux-system
