<#list v.storageClasses as sc>
---
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: "[=sc.name]"
<#if sc.defaultClass>
  annotations:
    storageclass.kubernetes.io/is-default-class: "true"
</#if>
provisioner: "[=sc.provisioner]"
reclaimPolicy: "[=sc.reclaimPolicy]"
volumeBindingMode: Immediate
allowVolumeExpansion: true
parameters:
<#list sc.parameters as key, value>
  "[=key]": "[=value]"
</#list>
<#if sc.mountOptions?has_content>
mountOptions:
<#list sc.mountOptions as option>
  - "[=option]"
</#list>
</#if>
</#list>
