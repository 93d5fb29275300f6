package dev.sitec.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One VM as the site says it: every value the provider would replace it for (node, VMID, disk slots
 * and storages, EFI disk type, TPM version) as it is, its firmware, chipset, agent and MACs kept, and
 * what the site cannot say listed. A VM whose ForceNew values sitec cannot carry is not adopted at all.
 */
final class VmDraft {

    private static final Set<String> HANDLED = Set.of("name", "cores", "sockets", "memory", "balloon", "ostype",
            "bios", "machine", "agent", "boot", "bootdisk", "onboot", "startup", "description", "tags", "efidisk0",
            "tpmstate0", "digest", "meta", "vmgenid", "smbios1", "scsihw", "cpu", "ipconfig0", "sshkeys", "ciuser",
            "cipassword", "cicustom", "citype", "searchdomain", "nameserver", "serial0", "vga", "hotplug", "numa",
            "template", "lock", "parent", "protection", "kvm", "tablet");
    private static final List<String> BUSES = List.of("scsi", "virtio", "sata", "ide");
    /** The volume formats the provider knows (validators.FileFormat); a block storage's volumes are raw. */
    private static final Set<String> FORMATS = Set.of("raw", "qcow2", "vmdk");
    /** A change the first apply makes that restarts the VM (reboot_after_update is the provider's default). */
    private static final String RESTARTS = "the first apply restarts it (bpg/proxmox resource/vm/vm.go vmUpdate)";
    private static final String AND_RESTARTS = "and restarts the VM (bpg/proxmox resource/vm/vm.go vmUpdate)";

    private final Drafting draft;

    VmDraft(Drafting draft) {
        this.draft = draft;
    }

    Optional<DraftView.Vm> of(PveCluster.Guest vm, List<NicFact> nics) {
        JsonNode config = vm.config();
        Optional<String> refusal = refusal(config);
        if (refusal.isPresent()) {
            draft.notAdopted.add(vm.describe() + ": " + refusal.get());
            return Optional.empty();
        }
        Map<String, String> notes = new LinkedHashMap<>();
        String name = draft.names.claim(vm.name(), "vm-" + vm.vmId(), vm.vmId());
        if (!name.equals(vm.name())) {
            notes.put("name", "PVE names it " + vm.name());
        }
        notes.put("lifecycle", "guess: pet (protected, backed up) until you say it can be rebuilt");
        String nodeStore = draft.nodeDatastores.get(vm.node());
        int sockets = Values.integer(config, "sockets", 1, 1, 1024);
        int cores = Values.integer(config, "cores", 1, 1, 1024) * sockets;
        if (sockets > 1) {
            draft.unexpressed(vm, sockets + " sockets become one socket of " + cores + " cores: " + RESTARTS);
        }
        int memory = memory(config);
        Integer balloon = null;
        int balloonValue = Values.integer(config, "balloon", -1);
        if (balloonValue >= 256 && balloonValue < memory) {
            balloon = balloonValue;
        }
        String ostype = Values.text(config, "ostype", "");
        boolean windows = ostype.startsWith("w");
        if (windows && !ostype.equals("win11")) {
            draft.unexpressed(vm, "ostype " + ostype + " becomes win11 (sitec's one Windows type): " + RESTARTS);
        }
        boolean uefi = Values.text(config, "bios", "seabios").equals("ovmf");
        String machineText = Values.text(config, "machine", "");
        boolean q35 = machineText.contains("q35");
        if (machineText.matches(".*-\\d+\\.\\d+.*")) {
            draft.unexpressed(vm, "machine " + machineText + " is pinned; it becomes the newest " + (q35 ? "q35" : "i440fx")
                    + " at the next restart");
        }
        List<DraftView.Disk> disks = disks(vm, nodeStore);
        String datastore = Optional.of(config.hasNonNull("efidisk0") ? "efidisk0" : "tpmstate0").filter(config::hasNonNull)
                .flatMap(key -> Drafting.storageOf(PropertyString.of(config, key).bare().orElse("")))
                .filter(s -> !s.equals(nodeStore)).orElse(null);
        List<String> passthrough = new ArrayList<>();
        config.properties().stream().filter(e -> e.getKey().matches("hostpci\\d+")).sorted(Map.Entry.comparingByKey())
                .forEach(e -> draft.pciDevice(vm, PropertyString.of(config, e.getKey())).ifPresentOrElse(device -> {
                    passthrough.add(device);
                    if (PropertyString.of(config, e.getKey()).get("mapping").isEmpty()) {
                        draft.unexpressed(vm, e.getKey() + " passes " + device + " by its address, which only root@pam"
                                + " may set or change (qemu-server check_hostpci_perm): Terraform keeps it so, and makes"
                                + " the mapping " + device + " for later; switch the VM to it as root (qm set " + vm.vmId()
                                + " --" + e.getKey() + " mapping=" + device + ",...) and mark it existing, or leave it");
                    }
                }, () -> draft.unexpressed(vm, e.getKey() + " " + e.getValue().asText() + " has no device or mapping"
                        + " on " + vm.node() + " import could read; add it by hand")));
        config.properties().stream().filter(e -> e.getKey().matches("usb\\d+")).sorted(Map.Entry.comparingByKey())
                .forEach(e -> draft.usbDevice(vm, PropertyString.of(config, e.getKey())).ifPresentOrElse(passthrough::add,
                        () -> draft.unexpressed(vm, e.getKey() + " " + e.getValue().asText() + " (a port without an id)"
                                + " is not expressed; add the device by hand")));
        if (balloon != null && config.properties().stream().anyMatch(e -> e.getKey().startsWith("hostpci"))) {
            draft.unexpressed(vm, "balloon " + balloon + " MiB is dropped: a PCI device pins all its memory");
            balloon = null;
        }
        List<DraftView.Nic> nicViews = GuestNics.views(draft, vm, nics);
        Boolean onBoot = Values.integer(config, "onboot", 0) == 1 ? null : Boolean.FALSE;
        DraftView.Startup startup = GuestNics.startup(draft, vm);
        String description = Values.text(config, "description", "").strip();
        for (var entry : config.properties()) {
            String key = entry.getKey();
            if (key.equals("serial0") && !entry.getValue().asText().equals("socket")) {
                draft.unexpressed(vm, "serial0 " + entry.getValue().asText() + " (a host serial port) is not expressed:"
                        + " the first apply removes it, " + AND_RESTARTS);
            } else if (key.equals("args")) {
                draft.unexpressed(vm, "args " + entry.getValue().asText() + " is not expressed: the first apply removes"
                        + " them (the provider manages kvm_arguments), " + AND_RESTARTS);
            } else if (key.equals("numa") && entry.getValue().asText().equals("1")) {
                draft.unexpressed(vm, "numa 1 is not expressed: the first apply turns NUMA off, " + AND_RESTARTS);
            } else if (key.equals("tablet") && entry.getValue().asText().equals("0")) {
                draft.unexpressed(vm, "tablet 0 is not expressed: the first apply adds the tablet device, " + AND_RESTARTS);
            } else if (key.equals("hookscript")) {
                draft.unexpressed(vm, "hookscript " + entry.getValue().asText() + " is not expressed: the first apply"
                        + " removes it (the provider manages hook_script_file_id)");
            } else if (!HANDLED.contains(key) && !Drives.isSlot(key) && !key.matches("(net|ipconfig|hostpci|usb|unused)\\d+")) {
                draft.unexpressed(vm, key + "=" + entry.getValue().asText() + " is not expressed; see what the first plan"
                        + " does with it");
            }
        }
        if (!vm.running()) {
            draft.unexpressed(vm, "it is stopped; the first apply starts it (sitec keeps its guests running)");
        }
        config.properties().stream().filter(e -> e.getKey().matches("hostpci\\d+")).sorted(Map.Entry.comparingByKey())
                .forEach(e -> PropertyString.of(config, e.getKey()).values().keySet().stream()
                        .filter(k -> !Set.of("mapping", "pcie", "host", "x-vga").contains(k)).sorted()
                        .forEach(k -> draft.unexpressed(vm, e.getKey() + " option " + k + " is not expressed: the first"
                                + " apply drops it, " + AND_RESTARTS)));
        List<String> tags = DraftTags.of(draft, vm, DraftTags.own(java.util.Set.of()));
        String cpuType = cpuType(vm, notes);
        String scsi = Values.text(config, "scsihw", "");
        if (scsi.isEmpty()) {
            scsi = "lsi";
            notes.put("scsi_controller", "PVE's default: the VM has no scsihw line");
        }
        boolean agent = ClusterReader.agentEnabled(config);
        PropertyString agentLine = PropertyString.of(config, "agent");
        agentLine.get("type").filter(t -> agent && !t.equals("virtio")).ifPresent(t -> draft.unexpressed(vm,
                "agent type " + t + " becomes virtio: " + RESTARTS));
        // sitec's VMs trim after a move (agent_trim defaults to true); an adopted one keeps PVE's setting.
        Boolean agentTrim = agent && !agentLine.flag("fstrim_cloned_disks") ? Boolean.FALSE : null;
        return Optional.of(new DraftView.Vm(name, vm.node(), vm.vmId(), notes, cores, memory, balloon,
                windows ? "windows" : null, uefi ? "uefi" : "bios", q35 ? "q35" : "i440fx",
                agent, Values.text(config, "serial0", "").equals("socket"), cpuType, scsi, agentTrim, datastore, disks,
                nicViews, passthrough, tags, onBoot, startup,
                description.isEmpty() ? null : description));
    }

    /**
     * The VM's CPU model as PVE has it (the cpu line's cputype; without one, qemu-server's default kvm64,
     * QemuServer/CPUConfig.pm), and what of the line the site cannot say.
     */
    private String cpuType(PveCluster.Guest vm, Map<String, String> notes) {
        JsonNode config = vm.config();
        PropertyString cpu = PropertyString.of(config, "cpu");
        String type = cpu.bare().or(() -> cpu.get("cputype")).filter(t -> !t.isEmpty()).orElse("kvm64");
        if (!config.hasNonNull("cpu")) {
            notes.put("cpu_type", "PVE's default: the VM has no cpu line");
            draft.unexpressed(vm, "it has no cpu line (PVE's default CPU, kvm64), which the provider reads as qemu64"
                    + " (resource/vm/vm.go): the first apply writes cpu kvm64, " + AND_RESTARTS);
        }
        cpu.get("flags").ifPresent(flags -> draft.unexpressed(vm, "cpu flags " + flags + " are not expressed: the first"
                + " apply drops them, " + AND_RESTARTS));
        cpu.values().keySet().stream().filter(k -> !Set.of("cputype", "flags").contains(k)).sorted()
                .forEach(k -> draft.unexpressed(vm, "cpu option " + k + " is not expressed: the next cpu change drops it"));
        return type;
    }

    /** Why the VM cannot be adopted without the first plan replacing it or losing a disk, if so. */
    private static Optional<String> refusal(JsonNode config) {
        if (config.hasNonNull("efidisk0")) {
            String type = PropertyString.of(config, "efidisk0").get("efitype").orElse("2m");
            if (!type.equals("4m")) {
                return Optional.of("its EFI disk is of type " + type + "; sitec's is 4m, and the provider replaces a VM whose"
                        + " efi_disk type changes (resource/vm/vm.go forceNewOnEFIDiskTypeChange)");
            }
        }
        if (config.hasNonNull("tpmstate0")) {
            String version = PropertyString.of(config, "tpmstate0").get("version").orElse("v1.2");
            if (!version.equals("v2.0")) {
                return Optional.of("its TPM is " + version + "; sitec's is v2.0, and the provider replaces a VM whose"
                        + " tpm_state version changes (resource/vm/vm.go forceNewOnTPMVersionChange)");
            }
        }
        for (var entry : config.properties()) {
            if (!Drives.isDisk(entry.getKey(), entry.getValue().asText())) {
                continue;
            }
            PropertyString drive = PropertyString.of(config, entry.getKey());
            String volume = drive.bare().orElse("");
            if (volume.startsWith("/")) {
                return Optional.of(entry.getKey() + " is a disk of the node passed through (" + volume + "), which the"
                        + " site cannot say; the provider would detach it");
            }
            if (entry.getKey().equals("ide2") || entry.getKey().equals("ide3")) {
                return Optional.of("its disk is on " + entry.getKey() + ", which sitec keeps for its own drives");
            }
            if (drive.get("size").flatMap(Sizes::gib).isEmpty()) {
                return Optional.of(entry.getKey() + " has no size import can read");
            }
        }
        return Optional.empty();
    }

    private List<DraftView.Disk> disks(PveCluster.Guest vm, String nodeStore) {
        JsonNode config = vm.config();
        List<String> slots = new ArrayList<>();
        config.properties().forEach(e -> {
            if (Drives.isDisk(e.getKey(), e.getValue().asText())) {
                slots.add(e.getKey());
            }
        });
        slots.sort(Comparator.comparing((String s) -> BUSES.indexOf(s.replaceAll("\\d+", "")))
                .thenComparingInt(s -> Integer.parseInt(s.replaceAll("\\D+", ""))));
        bootDisk(config).filter(slots::contains).ifPresent(boot -> {
            slots.remove(boot);
            slots.add(0, boot);
        });
        List<DraftView.Disk> disks = new ArrayList<>();
        for (String slot : slots) {
            PropertyString drive = PropertyString.of(config, slot);
            Sizes.Gib size = drive.get("size").flatMap(Sizes::gib).orElseThrow();
            String store = drive.bare().flatMap(Drafting::storageOf).orElse(nodeStore);
            String note = size.rounded() ? "PVE has " + drive.get("size").get() + "; the provider counts whole GiB, and grows"
                    + " it to this" : null;
            String format = format(drive);
            disks.add(new DraftView.Disk(size.value(), slot,
                    store.equals(nodeStore) ? null : store, format.equals("raw") ? null : format, note));
        }
        config.properties().stream().filter(e -> e.getKey().matches("unused\\d+")).forEach(e ->
                draft.unexpressed(vm, e.getKey() + " " + e.getValue().asText() + " (an unused volume) is left as it is"));
        return disks;
    }

    /**
     * A disk's volume format as the provider reads it (resource/vm/disk disk.go Read): the drive's format=,
     * else its volume name's extension (a file storage's volumes are named vm-ID-disk-N.qcow2), else
     * raw (a block storage's: ZFS, LVM, Ceph RBD).
     */
    private static String format(PropertyString drive) {
        String volume = drive.bare().orElse("");
        String path = volume.substring(volume.indexOf(':') + 1);
        int dot = path.lastIndexOf('.');
        String format = drive.get("format").orElse(dot > path.lastIndexOf('/') && dot >= 0 ? path.substring(dot + 1) : "raw");
        return FORMATS.contains(format) ? format : "raw";
    }

    /** The first disk in the boot order (boot: order=scsi0;ide2;net0, or the legacy bootdisk). */
    private static Optional<String> bootDisk(JsonNode config) {
        PropertyString boot = PropertyString.of(config, "boot");
        Optional<String> order = boot.get("order");
        if (order.isPresent()) {
            for (String device : order.get().split(";")) {
                if (Drives.isDisk(device, Values.text(config, device, ""))) {
                    return Optional.of(device);
                }
            }
        }
        return Optional.of(Values.text(config, "bootdisk", "")).filter(d -> !d.isEmpty());
    }

    /** PVE's memory: an integer, or (PVE 8.1 on) a property string with current=. Default 512. */
    private static int memory(JsonNode config) {
        PropertyString p = PropertyString.parse("memory", Values.text(config, "memory", "512"));
        return Values.integer("memory", p.bare().or(() -> p.get("current")).orElse("512"));
    }
}
