package dev.sitec.family.terraform;

import java.util.List;

/**
 * One LXC container in a cluster root's `local.containers`. Bind mounts, device nodes and features
 * other than nesting are left to Ansible (root@pam only, pve-container check_ct_modify_config_perm);
 * so is nesting on a privileged container, whose every feature flag is root@pam's.
 */
public record ContainerView(String name, int vmId, String node, String description, boolean pet, boolean onBoot,
                            int cores, int memoryMib, int swapMib, String template, String osType, boolean unprivileged,
                            boolean nesting, String datastore, int diskGib, int startupOrder, Integer upDelay,
                            Integer downDelay, List<String> tags, List<VmView.Nic> nics, List<Ip> ips,
                            List<Volume> volumes, List<String> dns, boolean allowReplace, boolean existing) {

    /** The address of one NIC, as the provider's ip_config takes it: CIDR and gateway, or "dhcp". */
    public record Ip(String address, String gateway) {
    }

    /** A volume mount point: a new volume of {@code sizeGib} on a datastore. */
    public record Volume(String datastore, int sizeGib, String path) {
    }
}
