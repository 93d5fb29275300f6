# Proxmox automated installer answer for [=v.fqdn] ([=v.product]).
# Holds the root password hash: keep it private (mode 0600).

[global]
keyboard = "[=v.keyboard]"
country = "[=v.country]"
fqdn = "[=v.fqdn]"
mailto = "[=v.mailto]"
timezone = "[=v.timezone]"
root-password-hashed = "[=v.passwordHash]"
root-ssh-keys = [<#list v.sshKeys as key>"[=key]"<#sep>, </#list>]
reboot-on-error = false

[network]
source = "from-answer"
cidr = "[=v.cidr]"
gateway = "[=v.gateway]"
dns = "[=v.dns]"
filter.ID_NET_NAME_MAC = "[=v.nicFilter]"
<#if v.pinnedInterface??>

[network.interface-name-pinning]
enabled = true

[network.interface-name-pinning.mapping]
"[=v.pinnedMac]" = "[=v.pinnedInterface]"
</#if>

[disk-setup]
filesystem = "[=v.filesystem]"
disk-list = [<#list v.disks as disk>"[=disk]"<#sep>, </#list>]
<#if v.raidTable??>
[=v.raidTable].raid = "[=v.raid]"
</#if>
