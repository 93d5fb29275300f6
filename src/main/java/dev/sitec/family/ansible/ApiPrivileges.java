package dev.sitec.family.ansible;

import java.util.List;

/**
 * The Proxmox VE 9 privileges the proxmox play gives each API user's role: the role's defaults list
 * them, and {@code sitec doctor} checks a token holds them, so both read them here.
 */
public final class ApiPrivileges {

    /** What the bpg/proxmox provider needs to create, change and migrate guests, and nothing more. */
    public static final List<String> TERRAFORM = List.of(
            "Datastore.Allocate", "Datastore.AllocateSpace", "Datastore.AllocateTemplate", "Datastore.Audit",
            "Mapping.Audit", "Mapping.Modify", "Mapping.Use",
            "Pool.Allocate", "Pool.Audit",
            "SDN.Allocate", "SDN.Audit", "SDN.Use",
            "Sys.Audit", "Sys.Console", "Sys.Modify",
            "VM.Allocate", "VM.Audit", "VM.Clone", "VM.Config.CDROM", "VM.Config.CPU", "VM.Config.Cloudinit",
            "VM.Config.Disk", "VM.Config.HWType", "VM.Config.Memory", "VM.Config.Network", "VM.Config.Options",
            "VM.GuestAgent.Audit", "VM.Migrate", "VM.PowerMgmt");

    /** What the Datacenter Manager needs to show a cluster and start, stop and migrate its guests. */
    public static final List<String> DATACENTER_MANAGER = List.of(
            "Datastore.Audit", "Mapping.Audit", "Pool.Audit", "SDN.Audit", "Sys.Audit", "VM.Audit", "VM.Migrate",
            "VM.PowerMgmt");

    private ApiPrivileges() {
    }
}
