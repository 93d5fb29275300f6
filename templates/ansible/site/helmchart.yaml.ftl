<#import "/common/values.yaml.ftl" as y>
# K3s's Helm controller installs chart [=v.chart] [=v.version] into namespace [=v.namespace], from this
# HelmChart in K3s's manifests folder on the cluster's first server (no Flux in this cluster).
---
apiVersion: helm.cattle.io/v1
kind: HelmChart
metadata:
  name: "[=v.name]"
  namespace: kube-system
spec:
  repo: "[=v.repositoryUrl]"
  chart: "[=v.chart]"
  version: "[=v.version]"
  targetNamespace: "[=v.namespace]"
  createNamespace: true
<#if !v.values.isEmpty()>
  valuesContent: |-
<@y.block v.values 4/>
</#if>
