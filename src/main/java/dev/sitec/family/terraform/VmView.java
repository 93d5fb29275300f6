package dev.sitec.family.terraform;

import java.util.List;

/** One VM in a cluster root's `local.vms`: every setting decided, in Terraform's terms. */
public record VmView(String name, int vmId, String node, String description, String pool, boolean pet,
                     boolean onBoot, boolean startAtCreate, int cores, int memoryMib, int balloonMib, String cpuType, String bios,
                     String machine, String osType, boolean secureBoot, boolean tpm, String datastore, String snippetsDatastore,
                     String isoKey, boolean cloudInit, boolean agent, boolean agentTrim, boolean serial,
                     String scsiHardware, int startupOrder, int upDelay,
                     Integer downDelay, List<String> tags, List<Disk> disks, List<Nic> nics, List<Pci> pci,
                     List<Address> addresses, boolean allowReplace, boolean existing, Clone cloneOf) {

    /**
     * The template VM a VM is cloned from (the provider's clone block): its VMID and node, a full copy or
     * a linked clone, and the datastore a full copy goes to (none for a linked clone: PVE refuses a
     * target storage for one, qemu-server API2/Qemu.pm clone_vm).
     */
    public record Clone(int vmId, String node, boolean full, String datastore) {
    }

    /**
     * A disk on its datastore, in its volume format; the boot disk of a disk-image VM is imported from
     * a downloaded image ({@code importKey}) or from a file Ansible put on the node ({@code importFile}).
     */
    public record Disk(String iface, int sizeGib, String datastore, String format, String importKey, String importFile) {
    }

    /** A NIC on an SDN vnet (a tagged network) or, untagged, straight on a node bridge; with its stable MAC. */
    public record Nic(String vnet, String bridge, String mac, int mtu) {
    }

    /**
     * A PCI device by its cluster mapping, or (an adopted VM's, whose device is not yet mapped) by the
     * address it has ({@code id}); PCIe needs the q35 machine; {@code xvga} makes it the primary display.
     */
    public record Pci(String mapping, String id, boolean pcie, boolean xvga) {
    }

    /** An address for the outputs: static, or "dhcp". */
    public record Address(String network, String ip) {
    }
}
