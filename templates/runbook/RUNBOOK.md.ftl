# Runbook: [=v.siteName]

The steps this site needs, in order, with the commands for its hosts. Run them from this folder
(`generated/`). Each stage is also a target of the `Makefile` here, which runs exactly the commands shown
(`make help` lists them; `make check` runs every check).
<#if v.secrets?has_content>

First, export the secrets site.yaml names (none is ever written into this folder):

```sh
export <#list v.secrets as e>[=e.variable]=…<#sep> </#list>
```

<#list v.secrets as e>
- `[=e.variable]`: [=e.how].
</#list>
</#if>

Before any apply after an edit, `sitec plan` (in the folder of `site.yaml`) says what it will do to the
running lab, and `generate` refuses what would destroy a pet.

## First install
<#list v.stages as stage>

### [=stage?counter]. [=stage.title]<#if !stage.manual()>: `make [=stage.target]`</#if>

[=stage.intro]

```sh
<#list stage.run as line>
[=line.command]<#if line.comment??>    # [=line.comment]</#if>
</#list>
```

Check: [=stage.checkIntro]
<#if stage.checks?has_content>

```sh
<#list stage.checks as line>
[=line.command]<#if line.comment??>    # [=line.comment]</#if>
</#list>
```
</#if>
</#list>

## Day 2
<#if v.clusters?has_content>

### Add a Proxmox VE node

<#if v.installers?has_content>
Add it under `proxmox.clusters.<cluster>.nodes` (with `mac`, `interface` and `boot_disks` for sitec to
install it), `sitec generate`, build and boot its ISO (`installer/<node>/prepare-iso.sh isos`), then
`make proxmox`: it joins the cluster. Check with `pvecm status`.
<#else>
Install Proxmox VE on it, add it under `proxmox.clusters.<cluster>.nodes` with its `address` (and the
`datastore` its guests' disks go to, once it runs guests), `sitec generate`, `ssh-copy-id root@<address>`, then
`make proxmox`: it joins the cluster. Check with `pvecm status`.
</#if>

### Add a VM

Add it under `vms:`, run `sitec plan` (it lists a `create`), `sitec generate`, then `make guests configure`.
</#if>
<#if v.cattleExample.isPresent()>
<#assign cattle = v.cattleExample.get()>

### Replace a cattle VM

Destroy it and create it again from the site (its disks start empty)<#if cattle.k3s.isPresent()>. It is a K3s
node: drain it and delete its Node first, or K3s refuses the new VM (its node password differs)</#if>:

```sh
<#if cattle.k3s.isPresent()>
ssh [=v.adminUser]@[=cattle.k3s.get().firstAddress] sudo k3s kubectl drain [=cattle.name] --ignore-daemonsets --delete-emptydir-data
ssh [=v.adminUser]@[=cattle.k3s.get().firstAddress] sudo k3s kubectl delete node [=cattle.name]
</#if>
[=cattle.exports]
terraform -chdir=[=cattle.root] apply -replace='[=cattle.address]'
<#if cattle.k3s.isPresent()>
make configure    # the new VM joins K3s again
</#if>
```
</#if>
<#list v.petExamples as pet>

### Restore a pet <#if pet.kind == "vm">VM<#else>container</#if> from its backup

Pets are backed up to [=pet.storageId] ("[=pet.schedule]"). To bring `[=pet.name]` back in place on its
node, [=pet.node] (the same VMID, so Terraform sees the same <#if pet.kind == "vm">VM<#else>container</#if>): stop it, lift its protection
(a restore over a protected guest is refused), restore, start. The backup brings its protection back.

```sh
ssh root@[=pet.nodeAddress] pvesm list [=pet.storageId] --vmid [=pet.vmId?c]    # its backups, newest last
ssh root@[=pet.nodeAddress] [=pet.tool] shutdown [=pet.vmId?c] --timeout 180 --forceStop 1
ssh root@[=pet.nodeAddress] [=pet.tool] set [=pet.vmId?c] --protection 0
<#if pet.kind == "vm">
ssh root@[=pet.nodeAddress] qmrestore [=pet.storageId]:backup/vm/[=pet.vmId?c]/<timestamp> [=pet.vmId?c] --force 1
<#else>
ssh root@[=pet.nodeAddress] pct restore [=pet.vmId?c] [=pet.storageId]:backup/ct/[=pet.vmId?c]/<timestamp> --force 1
</#if>
ssh root@[=pet.nodeAddress] [=pet.tool] start [=pet.vmId?c]
```

Check: Terraform plans no replacement.

```sh
[=pet.exports]
terraform -chdir=[=pet.root] plan
```
</#list>
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
