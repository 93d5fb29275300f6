# Terraform: the [=v.name] cluster

Creates every VM of the cluster with the `bpg/proxmox` provider ([=v.providerVersion] line): cloud images
and ISOs downloaded per node, the site's networks as an SDN VLAN zone (`[=v.sdnZone]`), PCI hardware
mappings for passthrough (USB devices are attached by Ansible, as root), pools per role<#if v.backups?has_content>, and the backup storage and job</#if>.

## Before the first apply

1. The nodes are installed (`generated/installer/`) and the Ansible `proxmox` stage has run: it enables the
   `snippets`, `import` and `iso` content types on the `local` datastore (cloud-init snippets, imported
   cloud images, ISOs), creates the API user and token, and configures IOMMU for passthrough.
<#if v.uploads?has_content>
2. The Datacenter Manager's ISO is prepared: `installer/<vm>/prepare-iso.sh isos`, from the generated folder
   (writes `isos/` there, which `.gitignore` keeps out of git).
</#if>
3. Your SSH agent holds a key the nodes accept for `root` (snippet uploads go over SSH).

## Apply

From the generated folder, `make guests` (RUNBOOK.md's guests stage, after `init`) runs:

```sh
<#list v.applyLines as line>
[=line]
</#list>
```

The API token is the one the Ansible `proxmox` stage wrote for this cluster (set
`PROXMOX_VE_API_TOKEN_[=v.name?upper_case?replace("[^A-Z0-9]", "_", "r")]` to give another). The state lives
outside the generated folder<#if !v.backend.pgSchema?? && !v.backend.s3Bucket??> (the path `init` is given)</#if>, so
generating again never touches it.

Every VM is `module.vm["<name>"]`. Cattle can be replaced at any time; pets are `protection = true` in
Proxmox and `prevent_destroy` in Terraform, so no plan can destroy them. To turn a pet back into cattle,
move its state by hand first (`terraform state mv`).
