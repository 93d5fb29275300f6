package dev.sitec.family.terraform;

import dev.sitec.model.Device;
import dev.sitec.model.GuestOs;
import dev.sitec.model.Image;
import dev.sitec.model.Network;
import dev.sitec.model.Nic;
import dev.sitec.model.Site;
import dev.sitec.model.Vm;
import dev.sitec.model.VmDisk;
import java.util.ArrayList;
import java.util.List;

/** Decides each VM's settings in the provider's terms. */
final class VmViews {

    /** Proxmox's default CPU model since 8.0: migratable between hosts of different generations. */
    static final String MIGRATABLE_CPU = "x86-64-v2-AES";
    /**
     * PVE's ostype for Windows 11, Server 2022 and Server 2025 alike (qemu-server's ostype enum has no
     * separate server values; the provider's OperatingSystemTypeValidator takes the same list).
     */
    static final String WINDOWS_OS_TYPE = "win11";
    /** sitec's SCSI controller: one controller, and one I/O thread, per disk. */
    static final String SCSI_CONTROLLER = "virtio-scsi-single";

    private VmViews() {
    }

    /**
     * @param importKey the download a disk-image VM's boot disk is imported from, or null
     * @param importFile the file on the node's local storage Ansible decompressed it into, or null
     */
    static VmView of(Site site, Vm vm, VmRole role, String importKey, String importFile, String isoKey) {
        List<Device> devices = site.passthroughOf(vm);
        boolean pci = devices.stream().anyMatch(d -> d.type() == Device.Type.PCI);
        boolean windows = vm.os() == GuestOs.WINDOWS;
        // An appliance's disk image, or a template VM, boots as it was made: UEFI when the image says so.
        boolean uefiAppliance = site.imageOf(vm).filter(Image::uefi)
                .filter(i -> vm.os() == GuestOs.APPLIANCE || i.isTemplate()).isPresent();
        // An adopted VM says its firmware and chipset: changing either breaks its boot or renames its NICs.
        boolean uefi = vm.firmware().map(f -> f == Vm.Firmware.UEFI).orElse(pci || windows || uefiAppliance);
        boolean q35 = vm.machine().map(m -> m == Vm.Machine.Q35).orElse(uefi);
        boolean cloudInit = site.configuredByCloudInit(vm);
        List<VmView.Disk> disks = new ArrayList<>();
        // A clone's disks keep the format the clone gave them (a linked clone's stay qcow2; a full
        // clone keeps its source's, qemu-server clone_vm): the provider reads it back (disk.go Read) and
        // never converts one, so a format written here would show in every plan. PVE chooses it.
        boolean clone = site.templateOf(vm).isPresent() && !vm.existing();
        for (VmDisk disk : vm.disks()) {
            boolean boot = disk.index() == 0;
            disks.add(new VmView.Disk(disk.slot(), disk.sizeGib(), site.datastoreOf(vm, disk), clone ? null : disk.fileFormat(),
                    boot ? importKey : null, boot ? importFile : null));
        }
        // An adopted VM keeps its notes as PVE has them (sitec import writes them into the site): a
        // prefix of sitec's would change them at the first apply.
        String description = vm.existing() ? vm.description().orElse("")
                : "Managed by sitec from site.yaml (" + vm.lifecycle().id() + ")." + vm.description().map(d -> " " + d).orElse("");
        // A VM whose drivers CD-ROM Ansible attaches is created stopped, and started by Ansible once the
        // drive is in: qemu-server never hotplugs a new IDE/SATA drive (QemuServer.pm vmconfig_update_disk).
        boolean startAtCreate = vm.windows().flatMap(Vm.Windows::drivers).isEmpty();
        return new VmView(vm.name(), vm.vmId(), vm.node(), description, role.pool(), vm.isProtected(), vm.onBoot(),
                startAtCreate, vm.cores(), vm.memoryMib(), vm.balloonMinMib().orElse(0),
                // Passed-through PCI devices pin the VM to its host: use the host's CPU, PCIe on q35 + OVMF.
                // An adopted VM says its own: a CPU model change restarts it.
                vm.cpuType().orElse(pci || windows ? "host" : MIGRATABLE_CPU), uefi ? "ovmf" : "seabios", q35 ? "q35" : null,
                // Appliances are Linux more often than not (Home Assistant OS); the type only tunes defaults.
                windows ? WINDOWS_OS_TYPE : "l26",
                // Windows 11 wants Secure Boot: OVMF with Microsoft's keys enrolled, and a TPM 2.0.
                windows, windows, site.datastoreOf(vm), site.expectNode(vm.node()).snippetsDatastore(), isoKey, cloudInit, vm.agent().orElse(cloudInit),
                vm.agentTrim().orElse(true), vm.serialConsole().orElse(cloudInit), vm.scsiController().orElse(SCSI_CONTROLLER),
                vm.startup().map(s -> s.order()).orElse(role.startupOrder()),
                vm.startup().flatMap(s -> boxed(s.upDelaySeconds())).orElse(role.upDelaySeconds()),
                vm.startup().flatMap(s -> boxed(s.downDelaySeconds())).orElse(null),
                GuestTags.of(vm, role), disks, vm.nics().stream().map(nic -> nic(site, nic)).toList(),
                devices.stream().filter(d -> d.type() == Device.Type.PCI).map(d -> pci(vm, d, q35)).toList(),
                vm.nics().stream().map(n -> new VmView.Address(n.network(),
                        n.address().map(Object::toString).orElse("dhcp"))).toList(), vm.allowReplace(), vm.existing(),
                clone(site, vm));
    }

    /**
     * The clone block of a VM whose image is a template VM, or null. A full copy goes to the VM's
     * datastore; a linked clone stays on the template's (a rule refuses any other).
     */
    static VmView.Clone clone(Site site, Vm vm) {
        if (vm.existing()) {
            return null; // adopted as it is: a clone block (ForceNew) would replace it at the first apply
        }
        return site.templateOf(vm).map(t -> {
            boolean linked = site.linkedClone(vm);
            return new VmView.Clone(t.vmId(), t.node(), !linked, linked ? null : site.datastoreOf(vm));
        }).orElse(null);
    }

    /**
     * A PCI device in the provider's terms. An adopted VM has a device whose mapping sitec makes (not
     * existing) by its address: only root@pam may set or replace such a value (qemu-server
     * check_hostpci_perm, for the old value too), so the VM keeps it, and its first apply changes nothing.
     */
    static VmView.Pci pci(Vm vm, Device device, boolean q35) {
        String id = null;
        if (vm.existing() && !device.existing()) {
            String address = device.pciAddress().orElseThrow();
            id = device.allFunctions() ? address.substring(0, address.lastIndexOf('.')) : address;
        }
        return new VmView.Pci(device.name(), id, q35, device.primaryGpu());
    }

    static java.util.Optional<Integer> boxed(java.util.OptionalInt value) {
        return value.isPresent() ? java.util.Optional.of(value.getAsInt()) : java.util.Optional.empty();
    }

    /**
     * A NIC in the provider's terms. Its MAC is written in upper case, the form PVE gives the MACs it
     * makes (pve-common PVE::Tools::random_ether_addr) and keeps as text: the provider compares it as
     * text too, so an adopted guest's NIC would otherwise be rewritten, with only its case changed, at
     * the first apply (seen running the provider against fakepve).
     */
    static VmView.Nic nic(Site site, Nic nic) {
        Network network = site.network(nic.network());
        String mac = nic.guestMac().value().toUpperCase(java.util.Locale.ROOT);
        return network.tagged()
                ? new VmView.Nic(TerraformFamily.vnetId(network), null, mac, network.mtu())
                : new VmView.Nic(null, network.bridge(), mac, network.mtu());
    }
}
