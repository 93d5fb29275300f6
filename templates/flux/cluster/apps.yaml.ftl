# The site's applications, once the infrastructure (storage classes, device plugins) is ready.
---
apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata:
  name: [=v.layerPrefix]apps
  namespace: flux-system
spec:
  dependsOn:
    - name: [=v.layerPrefix]infra-configs
  interval: 10m0s
  retryInterval: 1m0s
  timeout: 10m0s
  path: "[=v.appsPath]"
  prune: true
  wait: true
  sourceRef:
    kind: GitRepository
    name: flux-system
