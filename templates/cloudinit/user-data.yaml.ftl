#cloud-config
---
hostname: "[=v.hostname]"
fqdn: "[=v.fqdn]"
prefer_fqdn_over_hostname: false
manage_etc_hosts: true
timezone: "[=v.timezone]"

users:
  - name: "[=v.adminUser]"
    gecos: "sitec admin"
    groups: [[=v.adminGroup]]
    shell: /bin/bash
    sudo: "ALL=(ALL) NOPASSWD:ALL"
    lock_passwd: false
    hashed_passwd: "[=v.passwordHash]"
    ssh_authorized_keys:
<#list v.sshKeys as key>
      - "[=key]"
</#list>
disable_root: true
ssh_pwauth: false

package_update: true
packages:
<#list v.packages as package>
  - "[=package]"
</#list>
<#if v.qemuGuestAgent || v.raspberryPi>

runcmd:
</#if>
<#if v.qemuGuestAgent>
  # Proxmox reads the VM's addresses and shuts it down cleanly through the agent.
  - [systemctl, enable, --now, qemu-guest-agent]
</#if>
<#if v.raspberryPi>
  # K3s needs the memory cgroup, which Raspberry Pi kernels leave off: append the flags to the
  # firmware command line once (docs.k3s.io/installation/requirements?os=pi, "Raspberry Pi";
  # Ubuntu 21.10+ keeps it in /boot/firmware/cmdline.txt, one line).
  - [sh, -c, "grep -qw cgroup_memory=1 [=v.firmwareCmdline] || sed -i '1 s/$/ cgroup_memory=1 cgroup_enable=memory/' [=v.firmwareCmdline]"]

# One reboot when cloud-init is done, so the kernel starts with the cgroup flags (and, before
# Ubuntu 24.04, with the raspi extra modules that carry vxlan for flannel).
power_state:
  mode: reboot
  message: "sitec: rebooting once for memory cgroups"
  condition: true
</#if>
