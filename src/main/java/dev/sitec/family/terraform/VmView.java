package dev.sitec.family.terraform;

import java.util.List;

/** One VM in a cluster root's `local.vms`: every setting decided, in Terraform's terms. */
public record VmView(String name, int vmId, String node, String description, String pool, boolean pet,
                     boolean onBoot, int cores, int memoryMib, String cpuType, String bios, String machine,
                     String datastore, String isoKey, boolean cloudInit, int startupOrder, int upDelay,
                     List<String> tags, List<Disk> disks, List<Nic> nics, List<Pci> pci,
                     List<Address> addresses) {

    /** A disk; the boot disk of a cloud-image VM is imported from the downloaded image. */
    public record Disk(String iface, int sizeGib, String importKey) {
    }

    /** A NIC on an SDN vnet, with the VM's stable MAC. */
    public record Nic(String bridge, String mac, int mtu) {
    }

    /** A PCI device by its cluster mapping; PCIe needs the q35 machine. */
    public record Pci(String mapping, boolean pcie) {
    }

    /** A static address, for the outputs. */
    public record Address(String network, String ip) {
    }
}
