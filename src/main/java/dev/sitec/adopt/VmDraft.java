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
        int sockets = config.path("sockets").asInt(1);
        int cores = config.path("cores").asInt(1) * sockets;
        if (sockets > 1) {
            draft.unexpressed(vm, sockets + " sockets become one socket of " + cores + " cores at the next restart");
        }
        int memory = memory(config);
        Integer balloon = null;
        int balloonValue = config.path("balloon").asInt(-1);
        if (balloonValue >= 256 && balloonValue < memory) {
            balloon = balloonValue;
        }
        boolean windows = config.path("ostype").asText("").startsWith("w");
        if (windows && !config.path("ostype").asText().equals("win11")) {
            draft.unexpressed(vm, "ostype " + config.path("ostype").asText() + " becomes win11 (sitec's one Windows type)");
        }
        boolean uefi = config.path("bios").asText("seabios").equals("ovmf");
        String machineText = config.path("machine").asText("");
        boolean q35 = machineText.contains("q35");
        if (machineText.matches(".*-\\d+\\.\\d+.*")) {
            draft.unexpressed(vm, "machine " + machineText + " is pinned; it becomes the newest " + (q35 ? "q35" : "i440fx")
                    + " at the next restart");
        }
        List<DraftView.Disk> disks = disks(vm, nodeStore);
        String datastore = Optional.ofNullable(config.get("efidisk0")).or(() -> Optional.ofNullable(config.get("tpmstate0")))
                .flatMap(d -> Drafting.storageOf(PropertyString.parse(d.asText()).bare().orElse("")))
                .filter(s -> !s.equals(nodeStore)).orElse(null);
        List<String> passthrough = new ArrayList<>();
        config.properties().stream().filter(e -> e.getKey().matches("hostpci\\d+")).sorted(Map.Entry.comparingByKey())
                .forEach(e -> draft.pciDevice(vm, PropertyString.parse(e.getValue().asText())).ifPresentOrElse(passthrough::add,
                        () -> draft.unexpressed(vm, e.getKey() + " " + e.getValue().asText() + " has no device or mapping"
                                + " on " + vm.node() + " import could read; add it by hand")));
        config.properties().stream().filter(e -> e.getKey().matches("usb\\d+")).sorted(Map.Entry.comparingByKey())
                .forEach(e -> draft.usbDevice(vm, PropertyString.parse(e.getValue().asText())).ifPresentOrElse(passthrough::add,
                        () -> draft.unexpressed(vm, e.getKey() + " " + e.getValue().asText() + " (a port without an id)"
                                + " is not expressed; add the device by hand")));
        if (balloon != null && config.properties().stream().anyMatch(e -> e.getKey().startsWith("hostpci"))) {
            draft.unexpressed(vm, "balloon " + balloon + " MiB is dropped: a PCI device pins all its memory");
            balloon = null;
        }
        List<DraftView.Nic> nicViews = GuestNics.views(draft, vm, nics);
        Boolean onBoot = config.path("onboot").asInt(0) == 1 ? null : Boolean.FALSE;
        DraftView.Startup startup = GuestNics.startup(draft, vm);
        String description = config.path("description").asText("").strip();
        for (var entry : config.properties()) {
            String key = entry.getKey();
            if (key.equals("serial0") && !entry.getValue().asText().equals("socket")) {
                draft.unexpressed(vm, "serial0 " + entry.getValue().asText() + " (a host serial port) is not expressed:"
                        + " the first apply removes it");
            } else if (key.equals("args")) {
                draft.unexpressed(vm, "args " + entry.getValue().asText() + " is not expressed: the first apply removes"
                        + " them (the provider manages kvm_arguments)");
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
                .forEach(e -> PropertyString.parse(e.getValue().asText()).values().keySet().stream()
                        .filter(k -> !Set.of("mapping", "pcie", "host").contains(k)).sorted()
                        .forEach(k -> draft.unexpressed(vm, e.getKey() + " option " + k + " is not expressed: the first"
                                + " apply drops it")));
        if (config.hasNonNull("tags")) {
            draft.unexpressed(vm, "tags " + config.path("tags").asText() + " give way to sitec's");
        }
        if (!config.path("cpu").asText("kvm64").equals(windows || !passthrough.isEmpty() ? "host" : "x86-64-v2-AES")) {
            draft.unexpressed(vm, "cpu " + config.path("cpu").asText("kvm64") + " becomes sitec's ("
                    + (windows || !passthrough.isEmpty() ? "host" : "x86-64-v2-AES") + ") at the next restart");
        }
        return Optional.of(new DraftView.Vm(name, vm.node(), vm.vmId(), notes, cores, memory, balloon,
                windows ? "windows" : null, uefi ? "uefi" : "bios", q35 ? "q35" : "i440fx",
                ClusterReader.agentEnabled(config), config.path("serial0").asText("").equals("socket"), datastore, disks,
                nicViews, passthrough, onBoot, startup,
                description.isEmpty() ? null : description));
    }

    /** Why the VM cannot be adopted without the first plan replacing it or losing a disk, if so. */
    private static Optional<String> refusal(JsonNode config) {
        if (config.hasNonNull("efidisk0")) {
            String type = PropertyString.parse(config.path("efidisk0").asText()).get("efitype").orElse("2m");
            if (!type.equals("4m")) {
                return Optional.of("its EFI disk is of type " + type + "; sitec's is 4m, and the provider replaces a VM whose"
                        + " efi_disk type changes (resource/vm/vm.go forceNewOnEFIDiskTypeChange)");
            }
        }
        if (config.hasNonNull("tpmstate0")) {
            String version = PropertyString.parse(config.path("tpmstate0").asText()).get("version").orElse("v1.2");
            if (!version.equals("v2.0")) {
                return Optional.of("its TPM is " + version + "; sitec's is v2.0, and the provider replaces a VM whose"
                        + " tpm_state version changes (resource/vm/vm.go forceNewOnTPMVersionChange)");
            }
        }
        for (var entry : config.properties()) {
            if (!Drives.isDisk(entry.getKey(), entry.getValue().asText())) {
                continue;
            }
            PropertyString drive = PropertyString.parse(entry.getValue().asText());
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
            PropertyString drive = PropertyString.parse(config.path(slot).asText());
            Sizes.Gib size = drive.get("size").flatMap(Sizes::gib).orElseThrow();
            String store = drive.bare().flatMap(Drafting::storageOf).orElse(nodeStore);
            String note = size.rounded() ? "PVE has " + drive.get("size").get() + "; the provider counts whole GiB, and grows"
                    + " it to this" : null;
            disks.add(new DraftView.Disk(size.value(), slot,
                    store.equals(nodeStore) ? null : store, note));
        }
        config.properties().stream().filter(e -> e.getKey().matches("unused\\d+")).forEach(e ->
                draft.unexpressed(vm, e.getKey() + " " + e.getValue().asText() + " (an unused volume) is left as it is"));
        return disks;
    }

    /** The first disk in the boot order (boot: order=scsi0;ide2;net0, or the legacy bootdisk). */
    private static Optional<String> bootDisk(JsonNode config) {
        PropertyString boot = PropertyString.parse(config.path("boot").asText(""));
        Optional<String> order = boot.get("order");
        if (order.isPresent()) {
            for (String device : order.get().split(";")) {
                if (Drives.isDisk(device, config.path(device).asText(""))) {
                    return Optional.of(device);
                }
            }
        }
        return Optional.ofNullable(config.get("bootdisk")).map(JsonNode::asText);
    }

    /** PVE's memory: an integer, or (PVE 8.1 on) a property string with current=. Default 512. */
    private static int memory(JsonNode config) {
        String text = config.path("memory").asText("512");
        PropertyString p = PropertyString.parse(text);
        return Integer.parseInt(p.bare().or(() -> p.get("current")).orElse("512"));
    }
}
