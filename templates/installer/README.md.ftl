# Proxmox automated installation

One folder per host, each with the host's `answer.toml` (Proxmox's automated installer format, kebab-case
keys; mode 0600, it holds the root password hash) and `prepare-iso.sh`, which turns it into an unattended
installation ISO with `proxmox-auto-install-assistant`.

| host | product | NIC (MAC) | address | disks |
| --- | --- | --- | --- | --- |
<#list v.hosts as h>
| `[=h.name]` | [=h.product] | `[=h.mac]` | `[=h.address]` | [=h.disks] |
</#list>

Each installer finds its NIC by MAC (`filter.ID_NET_NAME_MAC`), configures the management address
statically and, on bare metal, pins the NIC's name (needs the 9.1 / 4.1 installers or later). The
switch port of each host must carry the management network untagged.

## Making the ISOs

On a Debian or Proxmox machine: `apt install proxmox-auto-install-assistant xorriso`, then from the
folder the ISOs should go to (default `./isos`, or `$SITEC_ISO_DIR`):

```sh
<#list v.hosts as h>
generated/installer/[=h.name]/prepare-iso.sh
</#list>
```

Boot each host from its `<host>-auto.iso`; it installs, reboots and is reachable over SSH with the site's
keys. The Datacenter Manager's ISO is uploaded to its node by Terraform; write it before `terraform apply`.
<#if v.http>

## Answers over HTTP

The ISOs fetch their answers from `[=v.answerUrl]` instead of carrying them. `http/` holds every answer
named by its host's MAC without colons (`<mac>.toml`); the answer server replies to the installer's POST
with the file matching one of the MACs in the `network_interfaces` it reports.
</#if>
