package dev.sitec.family.cloudinit;

import java.util.List;

/**
 * A #cloud-config: hostname, the admin user (keys, password hash, sudo), no SSH passwords, the time
 * zone, and the packages Ansible and Proxmox need. On a Raspberry Pi also the K3s prerequisites the
 * Ubuntu image lacks, then one reboot. The admin group is sudo, or wheel on the RedHat family.
 */
public record UserDataView(String hostname, String fqdn, String timezone, String adminUser, String passwordHash,
                           List<String> sshKeys, List<String> packages, boolean qemuGuestAgent, boolean raspberryPi,
                           String firmwareCmdline, String adminGroup) {
}
