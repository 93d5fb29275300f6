# cloud-init

First-boot configuration for every machine that boots a cloud image: `user-data` (`#cloud-config`),
`meta-data` and `network-config` (netplan v2; each NIC matched by its MAC and renamed `net0`, `net1`, …).

## VMs

<#list v.vms as vm>
- `vms/[=vm]/`
</#list>

Terraform uploads these files as snippets to each node's snippets datastore (`local` unless site.yaml
names another; it must allow `snippets` content: the Ansible `proxmox_node` role enables it on `local`
and checks it on any other) and wires them into the VM's cloud-init drive.
<#if v.isoVms?has_content>
Installed from an ISO, Windows or appliances, so configured by their own installer or by hand instead: <#list v.isoVms as vm>`[=vm]`<#sep>, </#list>.
</#if>
<#if v.machines?has_content>

## Raspberry Pis

| machine | board | image |
| --- | --- | --- |
<#list v.machines as pi>
| `[=pi.name]` | [=pi.board] | [=pi.imageUrl] |
</#list>

Flash the image, mount the card's boot partition (`system-boot`) and run `machines/<name>/write-seed.sh
<mount point>`. On first boot cloud-init sets the Pi up, enables the memory cgroup on the kernel command
line and reboots once. (On Ubuntu before 24.04 it also installs `linux-modules-extra-raspi`, which then
carried vxlan for flannel; since 24.04 vxlan is in the kernel package and that package is gone.)
</#if>
