package dev.sitec.family.terraform;

import dev.sitec.model.Site;
import java.util.HashMap;
import java.util.Map;

/**
 * What a VM is for, which decides its Proxmox pool and its place in the boot order: storage first
 * (K3s mounts NFS from it, so it gets a head start), then management, then K3s servers before agents.
 */
enum VmRole {
    STORAGE("storage", "Storage VMs (NFS for the cluster)", 10, 60),
    MANAGEMENT("management", "Management VMs (Proxmox Datacenter Manager)", 20, 0),
    K3S_SERVER("k3s", "K3s nodes", 30, 0),
    K3S_AGENT("k3s", "K3s nodes", 40, 0),
    GENERAL("general", "Other VMs", 50, 0);

    private final String pool;
    private final String poolComment;
    private final int startupOrder;
    private final int upDelaySeconds;

    VmRole(String pool, String poolComment, int startupOrder, int upDelaySeconds) {
        this.pool = pool;
        this.poolComment = poolComment;
        this.startupOrder = startupOrder;
        this.upDelaySeconds = upDelaySeconds;
    }

    /** Every VM's role, decided once for the site (looked up by name, not searched per VM). */
    static Map<String, VmRole> of(Site site) {
        Map<String, VmRole> roles = new HashMap<>();
        site.vms().keySet().forEach(vm -> roles.put(vm, GENERAL));
        site.kubernetes().values().forEach(k -> {
            k.agents().forEach(name -> roles.replace(name, K3S_AGENT));
            k.servers().forEach(name -> roles.replace(name, K3S_SERVER));
        });
        site.datacenterManager().ifPresent(pdm -> roles.replace(pdm.vm(), MANAGEMENT));
        site.kubernetes().values().forEach(k -> k.nfs().ifPresent(nfs -> roles.replace(nfs.server(), STORAGE)));
        return roles;
    }

    String pool() {
        return pool;
    }

    String poolComment() {
        return poolComment;
    }

    int startupOrder() {
        return startupOrder;
    }

    int upDelaySeconds() {
        return upDelaySeconds;
    }

    /** The Proxmox tag for a K3s role, if the VM has one. */
    String k3sTag() {
        return this == K3S_SERVER ? dev.sitec.model.SitecTags.K3S_SERVER : this == K3S_AGENT ? dev.sitec.model.SitecTags.K3S_AGENT : null;
    }
}
