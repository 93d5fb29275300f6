package dev.sitec.model;

import static dev.sitec.model.Fields.boxed;
import static dev.sitec.model.Fields.integer;
import static dev.sitec.model.Fields.name;
import static dev.sitec.model.Fields.optionalInt;
import static dev.sitec.model.Fields.sortedStringMap;
import static dev.sitec.model.Fields.stringMap;
import static dev.sitec.model.Fields.strings;
import static dev.sitec.model.Fields.text;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Reads the guests: VMs with their profile applied, containers, and bare-metal machines, with the
 * identities sitec derives for them (VMIDs and MACs from their own names).
 */
final class GuestReader {

    /** The value of an address that asks DHCP instead of a static address. */
    static final String DHCP = "dhcp";

    private final Map<String, Profile> profiles;
    private final Map<String, Network> networks;

    GuestReader(Map<String, Profile> profiles, Map<String, Network> networks) {
        this.profiles = profiles;
        this.networks = networks;
    }

    static Profile profile(JsonNode n, JsonPointer at) {
        return new Profile(name(at), at, text(n, "image"), optionalInt(n, "cores"), optionalInt(n, "memory_mib"),
                n.has("disks") ? Optional.of(disks(n.path("disks"))) : Optional.empty(), stringMap(n.path("labels")),
                text(n, "datastore"), text(n, "os").map(GuestOs::of), optionalInt(n, "balloon_min_mib"),
                strings(n.path("tags")));
    }

    Vm vm(JsonNode n, JsonPointer at) {
        String vmName = name(at);
        Optional<String> profileName = text(n, "profile");
        Optional<Profile> profile = profileName.map(profiles::get);
        Optional<String> image = text(n, "image").or(() -> profile.flatMap(Profile::image));
        int cores = integer(n, "cores").or(() -> profile.flatMap(p -> boxed(p.cores()))).orElse(Vm.DEFAULT_CORES);
        int memory = integer(n, "memory_mib").or(() -> profile.flatMap(p -> boxed(p.memoryMib())))
                .orElse(Vm.DEFAULT_MEMORY_MIB);
        List<VmDisk> disks = n.has("disks") ? disks(n.path("disks"))
                : profile.flatMap(Profile::disks).orElse(List.of(new VmDisk(0, Vm.DEFAULT_DISK_GIB, VmDisk.Purpose.SYSTEM,
                Optional.empty())));
        SortedMap<String, String> labels = new TreeMap<>(profile.map(Profile::labels).orElse(Map.of()));
        labels.putAll(stringMap(n.path("labels")));
        Set<String> tags = new LinkedHashSet<>(profile.map(Profile::tags).orElse(List.of()));
        tags.addAll(strings(n.path("tags")));
        Map<String, String> macOverrides = stringMap(n.path("macs"));
        List<Nic> nics = guestNics(vmName, n.path("address"), macOverrides);
        OptionalInt explicitId = optionalInt(n, "vm_id");
        GuestOs os = text(n, "os").map(GuestOs::of).or(() -> profile.flatMap(Profile::os)).orElse(GuestOs.LINUX);
        Optional<Vm.Windows> windows = os == GuestOs.WINDOWS
                ? Optional.of(new Vm.Windows(text(n, "os_type").orElse("win11"), text(n, "drivers")))
                : Optional.empty();
        OptionalInt balloon = n.has("balloon_min_mib") ? optionalInt(n, "balloon_min_mib")
                : profile.map(Profile::balloonMinMib).orElse(OptionalInt.empty());
        return new Vm(vmName, at, n.path("node").asText(), profileName, image,
                lifecycle(n), cores, memory, disks, strings(n.path("passthrough")), nics,
                Collections.unmodifiableSortedMap(labels), List.copyOf(tags),
                explicitId.orElseGet(() -> VmIds.derive(vmName)), explicitId.isPresent(),
                n.path("on_boot").asBoolean(true), text(n, "description"),
                text(n, "datastore").or(() -> profile.flatMap(Profile::datastore)), os, windows, balloon,
                startup(n.path("startup")), n.path("allow_replace").asBoolean(false), n.path("existing").asBoolean(false),
                text(n, "firmware").map(f -> Vm.Firmware.valueOf(f.toUpperCase(java.util.Locale.ROOT))),
                text(n, "machine").map(m -> Vm.Machine.valueOf(m.toUpperCase(java.util.Locale.ROOT))),
                n.has("agent") ? Optional.of(n.path("agent").asBoolean()) : Optional.empty(),
                n.has("serial_console") ? Optional.of(n.path("serial_console").asBoolean()) : Optional.empty(),
                text(n, "cpu_type"), text(n, "scsi_controller"),
                n.has("agent_trim") ? Optional.of(n.path("agent_trim").asBoolean()) : Optional.empty(),
                n.has("linked") ? Optional.of(n.path("linked").asBoolean()) : Optional.empty());
    }

    Container container(JsonNode n, JsonPointer at) {
        String containerName = name(at);
        JsonNode disk = n.path("disk");
        List<Container.Mount> mounts = new ArrayList<>();
        for (JsonNode m : n.path("mounts")) {
            mounts.add(new Container.Mount(mounts.size(), m.path("path").asText(), text(m, "host_path"),
                    text(m, "datastore"), m.path("size_gib").asInt(0)));
        }
        List<Container.Feature> features = strings(n.path("features")).stream()
                .map(f -> Container.Feature.valueOf(f.toUpperCase(java.util.Locale.ROOT))).toList();
        OptionalInt explicitId = optionalInt(n, "vm_id");
        return new Container(containerName, at, n.path("node").asText(), n.path("template").asText(), lifecycle(n),
                integer(n, "cores").orElse(Container.DEFAULT_CORES),
                integer(n, "memory_mib").orElse(Container.DEFAULT_MEMORY_MIB),
                integer(n, "swap_mib").orElse(Container.DEFAULT_SWAP_MIB),
                new Container.RootDisk(integer(disk, "size_gib").orElse(Container.DEFAULT_DISK_GIB), text(disk, "datastore")),
                guestNics(containerName, n.path("address"), stringMap(n.path("macs"))),
                n.path("unprivileged").asBoolean(true), features, mounts, deviceNodes(n.path("devices")),
                strings(n.path("tags")), n.path("on_boot").asBoolean(true), startup(n.path("startup")),
                explicitId.orElseGet(() -> VmIds.derive(containerName)), explicitId.isPresent(),
                text(n, "description"), n.path("allow_replace").asBoolean(false), n.path("existing").asBoolean(false));
    }

    /** A container's devices: a path, or a path with the uid, gid and mode its node gets. */
    private static List<Container.DeviceNode> deviceNodes(JsonNode devices) {
        List<Container.DeviceNode> nodes = new ArrayList<>();
        for (JsonNode d : devices) {
            nodes.add(d.isTextual() ? Container.DeviceNode.of(d.asText())
                    : new Container.DeviceNode(d.path("path").asText(), optionalInt(d, "uid"), optionalInt(d, "gid"),
                            text(d, "mode")));
        }
        return nodes;
    }

    Machine machine(JsonNode n, JsonPointer at) {
        Optional<MacAddress> mac = Fields.text(n, "mac").map(MacAddress::parse);
        List<Nic> nics = new ArrayList<>();
        String wired = mac.isPresent() ? Nic.guestInterfaceName(0) : Machine.WIRED_INTERFACE;
        n.path("address").properties().forEach(entry -> {
            Network network = networks.get(entry.getKey());
            // Further addresses are VLAN interfaces over the one NIC (tagged networks, a rule checks).
            String iface = nics.isEmpty() || network == null || network.vlan().isEmpty() ? wired
                    : wired + "." + network.vlan().getAsInt();
            nics.add(new Nic(nics.size(), entry.getKey(), address(entry.getValue()), mac, false, iface));
        });
        return new Machine(name(at), at, Machine.Board.of(n.path("board").asText()), n.path("image").asText(), mac,
                nics, strings(n.path("roles")), text(n, "longhorn_disk"), sortedStringMap(n.path("labels")),
                text(n, "boot_medium").map(m -> Machine.BootMedium.valueOf(m.toUpperCase(java.util.Locale.ROOT))));
    }

    /** A VM's or container's NICs: one per address entry, in order, each with its stable MAC. */
    private static List<Nic> guestNics(String guest, JsonNode addresses, Map<String, String> macOverrides) {
        List<Nic> nics = new ArrayList<>();
        Function<String, MacAddress> macOf = network -> Optional.ofNullable(macOverrides.get(network))
                .map(MacAddress::parse).orElseGet(() -> MacAddress.derive(guest + "/" + network));
        addresses.properties().forEach(entry -> nics.add(new Nic(nics.size(), entry.getKey(), address(entry.getValue()),
                Optional.of(macOf.apply(entry.getKey())), !macOverrides.containsKey(entry.getKey()),
                Nic.guestInterfaceName(nics.size()))));
        return nics;
    }

    private static Optional<Ipv4> address(JsonNode value) {
        return DHCP.equals(value.asText()) ? Optional.empty() : Optional.of(Ipv4.parse(value.asText()));
    }

    private static Lifecycle lifecycle(JsonNode n) {
        return "pet".equals(n.path("lifecycle").asText()) ? Lifecycle.PET : Lifecycle.CATTLE;
    }

    private static Optional<Startup> startup(JsonNode n) {
        return n.isObject() ? Optional.of(new Startup(n.path("order").asInt(), optionalInt(n, "up_delay_s"),
                optionalInt(n, "down_delay_s"))) : Optional.empty();
    }

    static List<VmDisk> disks(JsonNode n) {
        List<VmDisk> disks = new ArrayList<>();
        for (JsonNode disk : n) {
            VmDisk.Purpose purpose = VmDisk.Purpose.valueOf(
                    disk.path("purpose").asText("system").toUpperCase(java.util.Locale.ROOT));
            disks.add(new VmDisk(disks.size(), disk.path("size_gib").asInt(), purpose, text(disk, "datastore"),
                    text(disk, "interface"), text(disk, "format")));
        }
        return List.copyOf(disks);
    }
}
