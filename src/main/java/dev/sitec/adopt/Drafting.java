package dev.sitec.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What the drafts of one import share: the cluster, its networks, each node's datastore and
 * devices, the names in use, and the list of what the site cannot say.
 */
final class Drafting {

    /** A PCI function's full address, domain:bus:device.function (0000:01:00.0). */
    private static final Pattern PCI_ADDRESS = Pattern.compile("[0-9a-fA-F]{4}:[0-9a-fA-F]{2}:[0-9a-fA-F]{2}\\.[0-7]");

    final PveCluster cluster;
    final NetworkPlan networks;
    final Map<String, String> nodeDatastores;
    final Names names = new Names();
    final List<String> unexpressed = new ArrayList<>();
    final List<String> notAdopted = new ArrayList<>();
    final SortedMap<String, SortedMap<String, DraftView.Device>> devices = new TreeMap<>();
    final SortedMap<String, DraftView.Image> images = new TreeMap<>();

    Drafting(PveCluster cluster, NetworkPlan networks, Map<String, String> nodeDatastores) {
        this.cluster = cluster;
        this.networks = networks;
        this.nodeDatastores = nodeDatastores;
    }

    /** What the site lists of one guest it cannot say; the rest is counted, so the site stays readable. */
    static final int MAX_NOTES_PER_GUEST = 25;
    private final Map<String, Integer> notesPerGuest = new java.util.HashMap<>();

    void unexpressed(PveCluster.Guest guest, String what) {
        int notes = notesPerGuest.merge(guest.describe(), 1, Integer::sum);
        if (notes <= MAX_NOTES_PER_GUEST) {
            unexpressed.add(guest.describe() + ": " + what);
        } else if (notes == MAX_NOTES_PER_GUEST + 1) {
            unexpressed.add(guest.describe() + ": more settings than these " + MAX_NOTES_PER_GUEST
                    + " are not expressed; its configuration on the node has them all");
        }
    }

    /** The storage of a volume id (local-lvm:vm-101-disk-0), or empty for a path (/dev/..., /tank/...). */
    static Optional<String> storageOf(String volume) {
        int colon = volume.indexOf(':');
        return volume.startsWith("/") || colon <= 0 ? Optional.empty() : Optional.of(volume.substring(0, colon));
    }

    /** A PCI device of a node, by mapping (its name kept: Terraform adopts the mapping) or by address. */
    Optional<String> pciDevice(PveCluster.Guest guest, PropertyString hostpci) {
        Optional<String> mapping = hostpci.get("mapping");
        try {
            return mapping.isPresent() ? pciMapping(guest.node(), mapping.get(), hostpci.flag("x-vga"))
                    : pciAddress(guest.node(), hostpci);
        } catch (UnexpectedValue e) {
            throw e.in(mapping.isPresent() ? "cluster/mapping/pci" : "nodes/" + guest.node() + "/hardware/pci");
        }
    }

    private Optional<String> pciMapping(String node, String mapping, boolean primaryGpu) {
        for (JsonNode entry : cluster.pciMappings()) {
            if (!entry.path("id").asText().equals(mapping)) {
                continue;
            }
            for (JsonNode map : entry.path("map")) {
                PropertyString m = PropertyString.parse("the map of " + mapping, map.asText());
                if (m.get("node").filter(node::equals).isPresent()) {
                    String name = Names.label(mapping);
                    if (!name.equals(mapping)) {
                        return Optional.empty();
                    }
                    // A map path without a function number maps every function of the device.
                    String path = fullAddress(m.get("path").orElse(""));
                    boolean allFunctions = !path.matches(".*\\.[0-7]$");
                    device(node, new DraftView.Device(name, "pci", allFunctions ? path + ".0" : path,
                            m.get("id").orElse(""), m.get("subsystem-id").orElse(null),
                            m.integer("iommugroup").orElse(null), allFunctions, primaryGpu, null, true, null));
                    return Optional.of(name);
                }
            }
        }
        return Optional.empty();
    }

    private Optional<String> pciAddress(String node, PropertyString hostpci) {
        String address = fullAddress(hostpci.bare().or(() -> hostpci.get("host")).orElse(""));
        boolean allFunctions = !address.matches(".*\\.[0-7]$");
        String lookup = allFunctions ? address + ".0" : address;
        if (!PCI_ADDRESS.matcher(lookup).matches()) {
            return Optional.empty(); // not an address: said as a device import could not read
        }
        for (JsonNode device : cluster.node(node).map(PveCluster.Node::pciDevices).orElseThrow()) {
            if (device.path("id").asText().equalsIgnoreCase(lookup)) {
                String name = "pci-" + lookup.substring(5).replaceAll("[:.]", "-");
                String sub = device.hasNonNull("subsystem_vendor") ? hex(device.path("subsystem_vendor").asText()) + ":"
                        + hex(device.path("subsystem_device").asText()) : null;
                device(node, new DraftView.Device(name, "pci", lookup, hex(device.path("vendor").asText()) + ":"
                        + hex(device.path("device").asText()), sub, Values.optionalInteger(device, "iommugroup").orElse(null),
                        allFunctions, hostpci.flag("x-vga"), null, false,
                        allFunctions ? "all functions, as the VM has it" : null));
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    /** A USB device: by mapping (its id and port), or by vendor:device id; a port alone has no id to give. */
    Optional<String> usbDevice(PveCluster.Guest guest, PropertyString usb) {
        Optional<String> mapping = usb.get("mapping");
        if (mapping.isPresent()) {
            for (JsonNode entry : cluster.usbMappings()) {
                if (!entry.path("id").asText().equals(mapping.get())) {
                    continue;
                }
                for (JsonNode map : entry.path("map")) {
                    PropertyString m = PropertyString.parse(map.asText());
                    if (m.get("node").filter(guest.node()::equals).isPresent() && m.get("id").isPresent()) {
                        String name = Names.label(mapping.get());
                        device(guest.node(), new DraftView.Device(name, "usb", null, m.get("id").get(), null, null,
                                false, false, m.get("path").orElse(null), false, null));
                        return Optional.of(name);
                    }
                }
            }
            return Optional.empty();
        }
        String host = usb.get("host").orElse("");
        if (host.matches("[0-9a-fA-F]{4}:[0-9a-fA-F]{4}")) {
            String name = "usb-" + host.toLowerCase(java.util.Locale.ROOT).replace(':', '-');
            device(guest.node(), new DraftView.Device(name, "usb", null, host.toLowerCase(java.util.Locale.ROOT), null,
                    null, false, false, null, false, null));
            return Optional.of(name);
        }
        return Optional.empty();
    }

    private void device(String node, DraftView.Device device) {
        devices.computeIfAbsent(node, n -> new TreeMap<>()).putIfAbsent(device.name(), device);
    }

    private static String fullAddress(String address) {
        return address.matches("^[0-9a-fA-F]{2}:.*") ? "0000:" + address : address;
    }

    private static String hex(String value) {
        String v = value.startsWith("0x") ? value.substring(2) : value;
        return String.format("%4s", v).replace(' ', '0').toLowerCase(java.util.Locale.ROOT);
    }
}
