<#import "/common/values.yaml.ftl" as y>
<#if v.ownNamespace>
---
apiVersion: v1
kind: Namespace
metadata:
  name: "[=v.namespace]"
</#if>
---
apiVersion: source.toolkit.fluxcd.io/v1
kind: HelmRepository
metadata:
  name: "[=v.name]"
  namespace: "[=v.namespace]"
spec:
  interval: 12h0m0s
  url: "[=v.repositoryUrl]"
---
apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: "[=v.name]"
  namespace: "[=v.namespace]"
spec:
  interval: 30m0s
  timeout: 10m0s
  chart:
    spec:
      chart: "[=v.chart]"
      version: "[=v.version]"
      sourceRef:
        kind: HelmRepository
        name: "[=v.name]"
      interval: 12h0m0s
  install:
    crds: CreateReplace
    remediation:
      retries: 3
  upgrade:
    crds: CreateReplace
    cleanupOnFail: true
    remediation:
      retries: 3
      remediateLastFailure: true
<#if v.values.isEmpty()>
  values: {}
<#else>
  values:
<@y.block v.values 4/>
</#if>
