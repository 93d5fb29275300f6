# Runbook: [=v.siteName]

The steps this site needs, in order, with the commands for its hosts. Run them from this folder
(`generated/`), with the secrets site.yaml names in the environment:

```sh
export <#list v.exports as e>[=e]<#sep> </#list>
```

Before any apply after an edit, `sitec plan` (in the folder of `site.yaml`) says what it will do to the
running lab, and `generate` refuses what would destroy a pet.

## First install
<#assign step = 0>
<#if v.installers?has_content>
<#assign step = step + 1>

### [=step]. Install the hosts from their ISOs

For each host, build its unattended ISO and boot the machine from it (a USB stick, or the IPMI/KVM's
virtual media). The installer finds its answer by the machine's MAC.

```sh
<#list v.installers as h>
installer/[=h.name]/prepare-iso.sh isos    # [=h.kind], writes isos/[=h.name]-auto.iso
</#list>
```

Check: each host answers at its address once installed.

```sh
<#list v.installers as h>
ssh root@[=h.address] <#if h.kind == "Proxmox VE">pveversion<#else>proxmox-backup-manager versions</#if>    # prints its version
</#list>
```
</#if>
<#if v.machines?has_content>
<#assign step = step + 1>

### [=step]. Flash and seed the Raspberry Pis

Write each Pi's image (the `images:` entry site.yaml names) to its boot medium, mount the boot
partition, and write the cloud-init seed onto it:

```sh
<#list v.machines as m>
cloud-init/machines/[=m]/write-seed.sh /media/$USER/system-boot    # [=m]
</#list>
```

Check: after its first boot, `ssh [=v.adminUser]@<address> cloud-init status` prints `status: done`.
</#if>
<#if v.clusters?has_content>
<#assign step = step + 1>

### [=step]. Prepare the Proxmox VE nodes (Ansible)

Repositories, IOMMU and VFIO for passed-through devices, the cluster join, the `snippets` and `import`
content types Terraform needs, and the API token:

```sh
(cd ansible && ansible-playbook playbooks/proxmox.yml)
```

Check:

```sh
<#list v.clusters as c>
ssh root@[=c.firstAddress] pvecm status | grep Quorate    # cluster [=c.name]: "Quorate: Yes"
</#list>
```
<#assign step = step + 1>

### [=step]. Create the guests (Terraform)

<#list v.clusters?filter(c -> c.adopted?has_content) as c>
The first `plan` imports the guests of [=c.name] that exist already: [=c.adopted?join(", ")]. Read it
before you apply: it may change them in place, never replace or delete one. If it would, stop and correct
the site.

</#list>
```sh
<#list v.clusters as c>
terraform -chdir=terraform/clusters/[=c.name] init
terraform -chdir=terraform/clusters/[=c.name] apply
</#list>
```

Check: a second plan finds nothing to do.

```sh
<#list v.clusters as c>
terraform -chdir=terraform/clusters/[=c.name] plan    # "No changes. Your infrastructure matches the configuration."
</#list>
```
</#if>
<#assign step = step + 1>

### [=step]. Configure everything else (Ansible)

<#if v.backups?has_content>The backup servers' datastores, </#if>the guests' users and keys<#if v.k3s?has_content>, and K3s<#list v.k3s as k> ([=k.name])</#list></#if>:

```sh
(cd ansible && ansible-playbook site.yml)
```

Check: the play recap shows `failed=0` for every host.
<#list v.k3s as k>

```sh
ssh [=v.adminUser]@[=k.firstAddress] sudo k3s kubectl get nodes    # cluster [=k.name]: every node Ready
```
</#list>
<#if v.backups?has_content>

```sh
<#list v.backups as b>
ssh root@[=b.address] proxmox-backup-manager datastore list    # [=b.name]'s datastores
</#list>
```
</#if>
<#list v.k3s?filter(k -> k.flux) as k>
<#if k?is_first>
<#assign step = step + 1>

### [=step]. Let Flux deliver the apps

Commit and push `generated/flux/` to the repository site.yaml names; Flux reconciles it.
</#if>

```sh
ssh [=v.adminUser]@[=k.firstAddress] sudo k3s kubectl get kustomizations -n flux-system    # cluster [=k.name]: READY True
```
</#list>

## Day 2
<#if v.clusters?has_content>

### Add a Proxmox VE node

<#if v.installers?has_content>
Add it under `proxmox.clusters.<cluster>.nodes` (with `mac`, `interface` and `boot_disks` for sitec to
install it), `sitec generate`, build and boot its ISO (`installer/<node>/prepare-iso.sh isos`), then
`(cd ansible && ansible-playbook playbooks/proxmox.yml)`: it joins the cluster. Check with `pvecm status`.
<#else>
Install Proxmox VE on it, add it under `proxmox.clusters.<cluster>.nodes` with its `address` and `datastore`,
`sitec generate`, then `(cd ansible && ansible-playbook playbooks/proxmox.yml)`: it joins the cluster. Check
with `pvecm status`.
</#if>

### Add a VM

Add it under `vms:`, run `sitec plan` (it lists a `create`), `sitec generate`, then
`terraform -chdir=terraform/clusters/<cluster> apply` and `(cd ansible && ansible-playbook site.yml)`.
</#if>
<#if v.cattleExample.isPresent()>

### Replace a cattle VM

Destroy it and create it again from the site (its disks start empty):

```sh
terraform -chdir=terraform/clusters/<cluster> apply -replace='module.vm["[=v.cattleExample.get()]"].proxmox_virtual_environment_vm.cattle[0]'
```
</#if>
<#if v.petExample.isPresent() && v.petExample.get().storageId.isPresent()>
<#assign pet = v.petExample.get()>

### Restore a pet from its backup

Pets are backed up to [=pet.storageId.get()] ("[=pet.schedule]"). To bring `[=pet.name]` back in place on its
node, [=pet.node] (the same VMID, so Terraform sees the same VM):

```sh
ssh root@[=pet.nodeAddress] pvesm list [=pet.storageId.get()] --vmid [=pet.vmId?c]    # its backups, newest last
ssh root@[=pet.nodeAddress] qmrestore [=pet.storageId.get()]:backup/vm/[=pet.vmId?c]/<timestamp> [=pet.vmId?c] --force 1
```

Check: `terraform -chdir=terraform/clusters/[=pet.cluster] plan` shows no replacement.
</#if>
<#list v.k3s as k>

### Upgrade K3s one minor version ([=k.name])

K3s upgrades one minor version at a time: from [=k.version], set `kubernetes` version to the latest
[=k.nextMinor].x release (`sitec plan` refuses a skip), `sitec generate`, then:

```sh
(cd ansible && ansible-playbook playbooks/k3s-upgrade.yml --limit [=k.group])
```

It drains, upgrades and uncordons the servers, then the agents, one at a time. Check:
`ssh [=v.adminUser]@[=k.firstAddress] sudo k3s kubectl get nodes` shows the new version on every node.

### Rotate the K3s token ([=k.name])

On the first server, rotate the server token (snapshots taken before keep needing the old one):

```sh
ssh [=v.adminUser]@[=k.firstAddress] sudo k3s token rotate --new-token '<new token>'
```

Then give `[=k.tokenVariable]` the new value and restart every node with it:

```sh
(cd ansible && ansible-playbook playbooks/k3s.yml --limit [=k.group])
```
</#list>
