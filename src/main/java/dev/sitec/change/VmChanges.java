package dev.sitec.change;

import static dev.sitec.change.ChangeKind.HOST;
import static dev.sitec.change.ChangeKind.IN_PLACE;
import static dev.sitec.change.ChangeKind.REBOOT;
import static dev.sitec.change.ChangeKind.REPLACE;

import com.fasterxml.jackson.core.JsonPointer;
import dev.sitec.family.ansible.GuestSettings;
import dev.sitec.model.Device;
import dev.sitec.model.Image;
import dev.sitec.model.MacAddress;
import dev.sitec.model.Nic;
import dev.sitec.model.Site;
import dev.sitec.model.Vm;
import dev.sitec.model.VmDisk;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an edit of one VM does to it. The classes follow the bpg/proxmox provider at the pinned
 * version (proxmoxtf/resource/vm): what it marks ForceNew replaces the VM, what its update sets
 * {@code rebootRequired} for restarts it (the module keeps reboot_after_update at its default, true).
 */
final class VmChanges {

    private static final String VM_GO = "bpg/proxmox resource/vm/vm.go";

    static final List<Attribute<Vm>> ATTRIBUTES = List.of(
            new Attribute<>("node", "node", Vm::node, REPLACE,
                    "node_name is ForceNew unless migrate is set (" + VM_GO + ", CustomizeDiff)"),
            new Attribute<>("vmId", "vm_id", vm -> String.valueOf(vm.vmId()), REPLACE,
                    "vm_id is ForceNew (" + VM_GO + ", CustomizeDiff)"),
            new Attribute<>("cores", "cores", vm -> String.valueOf(vm.cores()), REBOOT,
                    "cores and sockets always need a restart (" + VM_GO + ", vmUpdate)"),
            new Attribute<>("memoryMib", "memory_mib", vm -> String.valueOf(vm.memoryMib()), REBOOT,
                    "memory is not hotplugged: the module leaves PVE's hotplug at network,disk,usb (" + VM_GO + ", vmUpdate)"),
            new Attribute<>("balloonMinMib", "balloon_min_mib", vm -> Show.of(vm.balloonMinMib()), REBOOT,
                    "a memory change without memory hotplug needs a restart (" + VM_GO + ", vmUpdate)"),
            new Attribute<>("os", "os", vm -> Show.of(vm.os()), REBOOT,
                    "bios, machine and operating_system need a restart (" + VM_GO + ", vmUpdate)"),
            new Attribute<>("windows", "os_type", vm -> Show.of(vm.windows().map(Vm.Windows::osType)), REBOOT,
                    "operating_system needs a restart (" + VM_GO + ", vmUpdate)"),
            new Attribute<>("windows", "drivers", vm -> Show.of(vm.windows().flatMap(Vm.Windows::drivers)), IN_PLACE,
                    "Ansible swaps the drivers CD-ROM"),
            new Attribute<>("firmware", "firmware", vm -> Show.of(vm.firmware()), REBOOT,
                    "bios needs a restart (" + VM_GO + ", vmUpdate)"),
            new Attribute<>("machine", "machine", vm -> Show.of(vm.machine()), IN_PLACE,
                    "the machine type is read when the VM is created (the module ignores it after: PVE pins a Windows"
                    + " VM's machine version, qemu-server Machine.pm): the running VM keeps its own"),
            new Attribute<>("agent", "agent", vm -> Show.of(vm.agent()), REBOOT,
                    "an agent change needs a restart (" + VM_GO + ", vmUpdate)"),
            new Attribute<>("serialConsole", "serial_console", vm -> Show.of(vm.serialConsole()), REBOOT,
                    "a serial device change needs a restart (" + VM_GO + ", vmUpdate)"),
            new Attribute<>("cpuType", "cpu_type", vm -> Show.of(vm.cpuType()), REBOOT,
                    "any cpu change but hotplugged vCPUs needs a restart (" + VM_GO + ", vmUpdate)"),
            new Attribute<>("agentTrim", "agent_trim", vm -> Show.of(vm.agentTrim()), REBOOT,
                    "an agent change needs a restart (" + VM_GO + ", vmUpdate)"),
            new Attribute<>("scsiController", "scsi_controller", vm -> Show.of(vm.scsiController()), IN_PLACE,
                    "the SCSI controller is read when the VM is created (the module ignores scsi_hardware after: a"
                    + " change would restart the VM, " + VM_GO + " vmUpdate): the running VM keeps its own"),
            // PVE keeps tags sorted, and the module sorts them: a tag moved in the list is no change.
            new Attribute<>("tags", "tags", vm -> Show.of(new java.util.TreeSet<>(vm.tags())), IN_PLACE, null),
            new Attribute<>("onBoot", "on_boot", vm -> String.valueOf(vm.onBoot()), IN_PLACE, null),
            new Attribute<>("description", "description", vm -> Show.of(vm.description()), IN_PLACE, null),
            new Attribute<>("startup", "startup", vm -> Show.of(vm.startup()), IN_PLACE, null));

    /**
     * Components compared elsewhere or not at all: the profile acts through the values it gives; the
     * datastore through each disk's (and a full clone's); the labels through the K3s node; image (and
     * linked, through the clone source), lifecycle, disks, NICs and passthrough have rules of their own below.
     */
    static final Set<String> COMPARED_APART = Set.of("name", "origin", "profile", "vmIdExplicit", "datastore",
            "labels", "image", "lifecycle", "disks", "nics", "allowReplace", "existing", "passthrough", "linked");

    /** What a cloud-init guest knows of its NICs, and since when (sitec's meta-data keeps one instance-id). */
    private static final String FIRST_BOOT = "its network-config, which cloud-init applies when the instance first boots"
            + " only (cloud-init doc/rtd/topics/events.rst: NoCloud's default update event is boot-new-instance; sitec's"
            + " instance-id stays, and the module ignores initialization), matches each NIC by MAC";

    private VmChanges() {
    }

    /**
     * A VM new to the site: created, or adopted. An adopted VM passed a PCI device through a mapping
     * sitec makes (not existing) cannot be using that mapping yet: it has the device by its address,
     * which only root@pam may set or replace (qemu-server check_hostpci_perm), so it keeps it so
     * (family/terraform VmViews.pci) and the first apply leaves its hostpci, and its uptime, alone.
     */
    static Change created(Site site, Vm vm) {
        GuestIdentity now = GuestIdentity.of(site, vm);
        Change change = GuestLifecycle.created(now);
        List<String> byAddress = site.passthroughOf(vm).stream().filter(d -> d.type() == Device.Type.PCI && !d.existing())
                .map(Device::name).toList();
        if (!vm.existing() || byAddress.isEmpty()) {
            return change;
        }
        return change.because(change.cause().orElseThrow() + "; it keeps " + String.join(", ", byAddress) + " by address"
                + " (only root@pam may change that: qemu-server check_hostpci_perm), and the mapping sitec makes waits"
                + " for a VM that is given it");
    }

    static List<Change> compare(Site beforeSite, Vm before, Site afterSite, Vm after) {
        GuestIdentity old = GuestIdentity.of(beforeSite, before);
        GuestIdentity now = GuestIdentity.of(afterSite, after);
        String subject = now.subject();
        List<Change> changes = new ArrayList<>();
        boolean replaced = false;
        for (Attribute<Vm> attribute : ATTRIBUTES) {
            java.util.Optional<Change> change = attribute.compare(subject, before, after, after.origin());
            if (attribute.component().equals("machine")) {
                change = change.map(c -> c.because(c.cause().orElseThrow() + "; " + now.rebuild("change it with qm set"
                        + " --machine while the VM is shut down (the guest's device names may change)")));
            } else if (attribute.component().equals("scsiController")) {
                change = change.map(c -> c.because(c.cause().orElseThrow() + "; " + now.rebuild("change it with qm set"
                        + " --scsihw while the VM is shut down, once its guest has the driver for the new one")));
            }
            if (attribute.component().equals("node") && after.isProtected() && before.isProtected()) {
                change = change.map(c -> migrated(beforeSite, before, afterSite, after, c));
            }
            replaced |= change.filter(c -> c.kind() == REPLACE).isPresent();
            change.map(c -> c.kind() == REPLACE ? GuestLifecycle.destroying(c, old, now, "be replaced") : c)
                    .ifPresent(changes::add);
        }
        java.util.Optional<Change> clone = clone(beforeSite, before, afterSite, after, now);
        replaced |= clone.filter(c -> c.kind() == REPLACE).isPresent();
        clone.map(c -> c.kind() == REPLACE ? GuestLifecycle.destroying(c, old, now, "be replaced") : c).ifPresent(changes::add);
        changes.addAll(passthrough(beforeSite, before, afterSite, after, now));
        changes.addAll(GuestLifecycle.lifecycle(old, now));
        image(beforeSite, before, afterSite, after, now).ifPresent(changes::add);
        changes.addAll(disks(beforeSite, before, afterSite, after, old, now));
        changes.addAll(nics(afterSite, before, after, now));
        return GuestLifecycle.collapse(changes, replaced);
    }

    /**
     * A pet moves to another node by migration (the module sets migrate on the pet's resource, so
     * node_name is not ForceNew): vmUpdate runs qm migrate --with-local-disks, live while the VM runs,
     * onto the same datastores (bpg vm.go, migrateVM: no target storage). If its disks change datastore
     * too, the provider cannot: the person migrates it with a target storage, and the apply then finds
     * it there (vmRead looks the VM up on whichever node holds it).
     */
    private static Change migrated(Site beforeSite, Vm before, Site afterSite, Vm after, Change nodeChange) {
        Change migrate = Change.of(IN_PLACE, nodeChange.subject(), nodeChange.detail(), "migrated with its disks, live"
                + " while it runs: the pet's resource sets migrate, so node_name is not ForceNew and vmUpdate runs qm"
                + " migrate --with-local-disks (" + VM_GO + ", migrateVM); if you migrated it already, the apply finds it"
                + " there", nodeChange.at());
        List<String> oldStores = before.disks().stream().map(d -> beforeSite.datastoreOf(before, d)).toList();
        List<String> newStores = after.disks().stream().map(d -> afterSite.datastoreOf(after, d)).toList();
        if (oldStores.equals(newStores) || newStores.isEmpty()) {
            return migrate;
        }
        String target = newStores.get(0);
        return migrate.refused("pet vm " + after.name() + " cannot be migrated to " + after.node() + " by Terraform: its"
                + " disks move from " + String.join(", ", new java.util.TreeSet<>(oldStores)) + " to "
                + String.join(", ", new java.util.TreeSet<>(newStores)) + ", and the provider migrates onto the same datastores",
                "migrate it yourself first, then generate: ssh root@" + beforeSite.expectNode(before.node()).address() + " qm migrate "
                        + after.vmId() + " "
                        + after.node() + " --online --with-local-disks --targetstorage " + target);
    }

    /**
     * The template VM a VM is cloned from, as the module's clone block says it: the source's VMID and
     * node, full or linked, and a full copy's datastore; none for a VM not cloned (or adopted as it is).
     */
    static String cloneSource(Site site, Vm vm) {
        if (vm.existing()) {
            return Show.NONE;
        }
        return site.templateOf(vm).map(t -> "VM " + t.vmId() + " on " + t.node() + (site.linkedClone(vm) ? ", linked"
                : ", full copy on " + site.datastoreOf(vm))).orElse(Show.NONE);
    }

    /**
     * A VM whose clone source changes (another template, VMID or node, full or linked, a full copy's
     * datastore, or a clone that becomes a VM from a downloaded image or the other way) is made again:
     * every attribute of the provider's clone block is ForceNew (bpg/proxmox proxmoxtf/resource/vm/vm.go,
     * the clone schema), and the block is only read when the VM is created (vmCreateClone).
     */
    private static java.util.Optional<Change> clone(Site beforeSite, Vm before, Site afterSite, Vm after,
                                                    GuestIdentity now) {
        String old = cloneSource(beforeSite, before);
        String fresh = cloneSource(afterSite, after);
        if (old.equals(fresh)) {
            return java.util.Optional.empty();
        }
        if (before.isProtected() && after.isProtected()) {
            return java.util.Optional.of(Change.of(IN_PLACE, now.subject(), "clone source " + old + " -> " + fresh,
                    "a pet keeps the disks it has: its module ignores the clone block after create (lifecycle"
                            + " ignore_changes), so the new template serves VMs made from now on; upgrade its system in the"
                            + " guest", after.origin().appendProperty("image")));
        }
        return java.util.Optional.of(Change.of(REPLACE, now.subject(), "clone source " + old + " -> " + fresh,
                "the provider's clone block is ForceNew (" + VM_GO + ", clone schema): the VM is made again, a new"
                + " copy of its template, and its disks' data is lost", after.origin().appendProperty("image")));
    }

    private static java.util.Optional<Change> image(Site beforeSite, Vm before, Site afterSite, Vm after,
                                                    GuestIdentity now) {
        if (!cloneSource(beforeSite, before).equals(cloneSource(afterSite, after))) {
            return java.util.Optional.empty(); // the clone change says it: the VM is replaced
        }
        String old = beforeSite.imageOf(before).map(Image::url).orElse(Show.NONE);
        String fresh = afterSite.imageOf(after).map(Image::url).orElse(Show.NONE);
        if (old.equals(fresh)) {
            return java.util.Optional.empty();
        }
        String detail = "image " + Show.of(before.image()) + " -> " + Show.of(after.image())
                + (before.image().equals(after.image()) ? " (its url changed)" : "");
        boolean iso = afterSite.imageOf(after).filter(i -> i.kind() == Image.Kind.ISO).isPresent();
        String cause = iso ? "the CD-ROM is swapped in place; an installed system stays as it is"
                : "the running VM keeps its disk: import_from is read only when a disk is created (bpg/proxmox"
                + " resource/vm/disk/schema.go); " + now.rebuild("upgrade its system in the guest");
        return java.util.Optional.of(Change.of(IN_PLACE, now.subject(), detail, cause,
                after.origin().appendProperty("image")));
    }

    private static List<Change> disks(Site beforeSite, Vm before, Site afterSite, Vm after,
                                      GuestIdentity old, GuestIdentity now) {
        List<Change> changes = new ArrayList<>();
        int count = Math.max(before.disks().size(), after.disks().size());
        for (int i = 0; i < count; i++) {
            JsonPointer disks = after.origin().appendProperty("disks");
            String name = "disk " + (i < after.disks().size() ? after.disks().get(i) : before.disks().get(i)).slot();
            if (i >= after.disks().size()) {
                changes.add(GuestLifecycle.destroying(Change.of(ChangeKind.DESTROYS_DATA, now.subject(),
                        name + " removed (" + before.disks().get(i).sizeGib() + " GiB)",
                        "the provider deletes a disk that leaves the configuration (" + VM_GO + ", vmUpdate)",
                        disks), old, now, "lose a disk"));
                continue;
            }
            VmDisk fresh = after.disks().get(i);
            JsonPointer at = disks.appendIndex(i);
            if (i >= before.disks().size()) {
                changes.add(Change.of(IN_PLACE, now.subject(), name + " added (" + fresh.sizeGib() + " GiB)",
                        "a new disk is hotplugged (" + VM_GO + ", vmUpdate)", at));
                continue;
            }
            VmDisk previous = before.disks().get(i);
            if (!previous.slot().equals(fresh.slot())) {
                changes.add(GuestLifecycle.destroying(Change.of(ChangeKind.DESTROYS_DATA, now.subject(),
                        "disk " + previous.slot() + " -> " + fresh.slot(), "the provider knows a disk by its slot: "
                                + previous.slot() + " leaves the configuration and is deleted, " + fresh.slot()
                                + " is a new empty disk (" + VM_GO + ", vmUpdate)", at.appendProperty("interface")),
                        old, now, "lose a disk"));
                continue;
            }
            if (fresh.sizeGib() > previous.sizeGib()) {
                changes.add(Change.of(IN_PLACE, now.subject(), name + " " + previous.sizeGib() + " -> " + fresh.sizeGib()
                        + " GiB", "grown in place with the resize API (" + VM_GO + ")", at.appendProperty("size_gib")));
            } else if (fresh.sizeGib() < previous.sizeGib()) {
                changes.add(GuestLifecycle.shrunk(Change.of(ChangeKind.DESTROYS_DATA, now.subject(),
                        name + " " + previous.sizeGib() + " -> " + fresh.sizeGib() + " GiB",
                        "the provider cannot shrink a disk, so apply fails (" + VM_GO + ": \"Cannot shrink ... it is not"
                                + " supported!\"), and neither can PVE (qm resize only grows)",
                        at.appendProperty("size_gib")), now, "a new disk of the size you want (another entry in disks),"
                        + " copy the data over in the guest, then remove the old disk"));
            }
            if (!previous.fileFormat().equals(fresh.fileFormat())) {
                changes.add(Change.of(IN_PLACE, now.subject(), name + " format " + previous.fileFormat() + " -> "
                                + fresh.fileFormat(), "the provider never converts an existing disk (bpg/proxmox"
                                + " resource/vm/disk/disk.go Update drops format=) and reads its format back, so every plan"
                                + " would show it again", at.appendProperty("format"))
                        .warned(now.subject() + " " + name + " stays " + previous.fileFormat() + ": the format is"
                                        + " read when a disk is made",
                                "keep format: " + previous.fileFormat() + ", or convert the disk first (qm disk move "
                                        + now.vmId() + " " + fresh.slot() + " <storage> --format " + fresh.fileFormat() + ")"));
            }
            String oldStore = beforeSite.datastoreOf(before, previous);
            String newStore = afterSite.datastoreOf(after, fresh);
            if (!oldStore.equals(newStore)) {
                changes.add(Change.of(REBOOT, now.subject(), name + " datastore " + oldStore + " -> " + newStore,
                        "the provider shuts the VM down to move the disk, then starts it again (" + VM_GO
                                + ": vmPlanDiskLocationAndSizeChanges sets shutdownForDisksRequired, \"Cannot be done while"
                                + " VM is running\", and vmUpdate powers the VM off before move_disk); the original is deleted",
                        at.appendProperty("datastore")));
            }
            if (fresh.purpose() != previous.purpose()) {
                changes.add(Change.of(HOST, now.subject(), name + " purpose " + Show.of(previous.purpose()) + " -> "
                        + Show.of(fresh.purpose()), "Ansible prepares disks by purpose (Longhorn disks are formatted"
                        + " and mounted); what is on it stays", at.appendProperty("purpose")));
            }
        }
        return changes;
    }

    private static List<Change> nics(Site afterSite, Vm before, Vm after, GuestIdentity now) {
        String subject = now.subject();
        List<Change> changes = new ArrayList<>();
        boolean cloudInit = afterSite.configuredByCloudInit(after);
        int count = Math.max(before.nics().size(), after.nics().size());
        for (int i = 0; i < count; i++) {
            String name = "nic net" + i;
            JsonPointer at = after.origin().appendProperty("address");
            if (i >= after.nics().size()) {
                changes.add(Change.of(IN_PLACE, subject, name + " on " + before.nics().get(i).network() + " removed",
                        "network devices are hotplugged (" + VM_GO + ", vmUpdate)", at));
                continue;
            }
            Nic fresh = after.nics().get(i);
            at = at.appendProperty(fresh.network());
            if (i >= before.nics().size()) {
                changes.add(Change.of(IN_PLACE, subject, name + " on " + fresh.network() + " added", cloudInit
                        ? "hotplugged (" + VM_GO + ", vmUpdate), but the guest leaves it unconfigured: " + FIRST_BOOT
                                + ", and this one is new; " + now.rebuild("configure it in the guest (netplan, matching MAC "
                                + mac(fresh) + ")")
                        : "network devices are hotplugged (" + VM_GO + ", vmUpdate)", at));
                continue;
            }
            Nic previous = before.nics().get(i);
            boolean newMac = !previous.mac().equals(fresh.mac());
            if (!previous.network().equals(fresh.network()) || newMac) {
                changes.add(Change.of(IN_PLACE, subject, name + " " + previous.network() + " " + mac(previous)
                        + " -> " + fresh.network() + " " + mac(fresh), cloudInit && newMac
                        ? "hotplugged with the new MAC (" + VM_GO + ", vmUpdate), and the guest loses this NIC's"
                                + " configuration: " + FIRST_BOOT + ", and knows the old one; " + now.rebuild(
                                "configure the NIC in the guest (netplan, matching MAC " + mac(fresh) + ")")
                        : "network devices are hotplugged (" + VM_GO + ", vmUpdate)", at));
            }
            if (!previous.address().equals(fresh.address())) {
                changes.add(Change.of(IN_PLACE, subject, name + " address " + address(previous) + " -> " + address(fresh),
                        cloudInit ? "the running guest keeps its old address: cloud-init applies network-config at first"
                                + " boot only, and the module ignores initialization; Ansible will look for it at the new one"
                                : "set it in the guest: sitec does not configure this VM's network", at));
            }
        }
        return changes;
    }

    private static String mac(Nic nic) {
        return nic.mac().map(MacAddress::value).orElse(Show.NONE);
    }

    /**
     * PCI devices are Terraform's hostpci blocks (a restart); USB devices are Ansible's, by slot
     * (usb0, usb1, ... in the order of the VM's USB devices: family/ansible GuestSettings.byNode),
     * attached as root with {@code qm set} (qemu-server check_usb_perm) and ignored by Terraform.
     */
    private static List<Change> passthrough(Site beforeSite, Vm before, Site afterSite, Vm after, GuestIdentity now) {
        List<Change> changes = new ArrayList<>();
        JsonPointer at = after.origin().appendProperty("passthrough");
        List<String> oldPci = pci(beforeSite, before);
        List<String> newPci = pci(afterSite, after);
        if (!oldPci.equals(newPci)) {
            changes.add(Change.of(REBOOT, now.subject(), "passthrough (pci) " + Show.of(oldPci) + " -> " + Show.of(newPci),
                    "hostpci changes need a restart (" + VM_GO + ", vmUpdate)", at));
        }
        Map<String, String> oldUsb = usbSettings(beforeSite, before);
        Map<String, String> newUsb = usbSettings(afterSite, after);
        if (oldUsb.equals(newUsb)) {
            return changes;
        }
        String detail = "passthrough (usb) " + Show.of(names(beforeSite, before, Device.Type.USB)) + " -> "
                + Show.of(names(afterSite, after, Device.Type.USB));
        List<String> set = newUsb.entrySet().stream().filter(e -> !e.getValue().equals(oldUsb.get(e.getKey())))
                .map(e -> e.getKey() + " " + e.getValue()).toList();
        List<String> stay = oldUsb.keySet().stream().filter(k -> !newUsb.containsKey(k)).toList();
        List<String> causes = new ArrayList<>();
        if (!set.isEmpty()) {
            causes.add("Ansible's proxmox_node role attaches " + String.join(", ", set) + " as root with qm set (qemu-server"
                    + " check_usb_perm: only root@pam passes a device by port), and PVE hotplugs USB into the running VM"
                    + " (qemu-server vmconfig_hotplug_pending, with PVE's default hotplug network,disk,usb)");
        }
        if (!stay.isEmpty()) {
            causes.add("the role deletes " + String.join(", ", stay) + " as root (qm set " + now.vmId() + " --delete "
                    + String.join(",", stay) + ", only what it set itself), and PVE unplugs USB from the running VM");
        }
        changes.add(Change.of(IN_PLACE, now.subject(), detail, String.join("; ", causes), at));
        return changes;
    }

    /** The VM's PCI devices as its hostpci lines have them: by name, and which is its display (x-vga). */
    private static List<String> pci(Site site, Vm vm) {
        return site.passthroughOf(vm).stream().filter(d -> d.type() == Device.Type.PCI)
                .map(d -> d.name() + (d.primaryGpu() ? " (primary GPU)" : "")).toList();
    }

    private static List<String> names(Site site, Vm vm, Device.Type type) {
        return site.passthroughOf(vm).stream().filter(d -> d.type() == type).map(Device::name).toList();
    }

    /** usbN -> its value, as the Ansible role sets it (family/ansible GuestSettings). */
    private static Map<String, String> usbSettings(Site site, Vm vm) {
        Map<String, String> settings = new java.util.TreeMap<>();
        GuestSettings.of(site, vm).forEach((option, value) -> {
            if (option.startsWith("usb")) {
                settings.put(option, value);
            }
        });
        return settings;
    }

    private static String address(Nic nic) {
        return nic.address().map(Object::toString).orElse("dhcp");
    }
}
