---
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
<#if v.resources?has_content>
resources:
<#list v.resources as r>
  - "[=r]"
</#list>
<#else>
resources: []
</#if>
