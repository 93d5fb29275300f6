package dev.sitec.family.terraform;

import dev.sitec.model.Site;
import dev.sitec.model.Vm;

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

    static VmRole of(Site site, Vm vm) {
        var k8s = site.kubernetes();
        if (k8s.flatMap(k -> k.nfs()).map(nfs -> nfs.server().equals(vm.name())).orElse(false)) {
            return STORAGE;
        }
        if (site.datacenterManager().map(pdm -> pdm.vm().equals(vm.name())).orElse(false)) {
            return MANAGEMENT;
        }
        if (k8s.map(k -> k.servers().contains(vm.name())).orElse(false)) {
            return K3S_SERVER;
        }
        if (k8s.map(k -> k.agents().contains(vm.name())).orElse(false)) {
            return K3S_AGENT;
        }
        return GENERAL;
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
        return this == K3S_SERVER ? "k3s-server" : this == K3S_AGENT ? "k3s-agent" : null;
    }
}
