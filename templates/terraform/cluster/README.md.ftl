# Terraform: the [=v.name] cluster

Creates every VM of the cluster with the `bpg/proxmox` provider ([=v.providerVersion] line): cloud images
and ISOs downloaded per node, the site's networks as an SDN VLAN zone (`[=v.sdnZone]`), PCI hardware
mappings for passthrough (USB devices are attached by Ansible, as root), pools per role<#if v.backups?has_content>, and the backup storage and job</#if>.

## Before the first apply

1. The nodes are installed (`generated/installer/`) and the Ansible `proxmox` stage has run: it enables the
   `snippets`, `import` and `iso` content types on the `local` datastore (cloud-init snippets, imported
   cloud images, ISOs), creates the API user and token, and configures IOMMU for passthrough.
<#if v.uploads?has_content>
2. The Datacenter Manager's ISO is prepared: `generated/installer/<vm>/prepare-iso.sh` (writes `isos/`).
</#if>
3. Your SSH agent holds a key the nodes accept for `root` (snippet uploads go over SSH).

## Apply

```sh
export PROXMOX_VE_API_TOKEN=<#if v.apiTokenSource??>[=v.apiTokenSource]<#else>'terraform@pve!sitec=…'</#if>
<#if v.backups?has_content>
export TF_VAR_pbs_password="$PBS_PASSWORD"
</#if>
terraform -chdir=generated/terraform/clusters/[=v.name] init
terraform -chdir=generated/terraform/clusters/[=v.name] apply
```

Every VM is `module.vm["<name>"]`. Cattle can be replaced at any time; pets are `protection = true` in
Proxmox and `prevent_destroy` in Terraform, so no plan can destroy them. To turn a pet back into cattle,
move its state by hand first (`terraform state mv`).
