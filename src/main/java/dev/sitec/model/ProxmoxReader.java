package dev.sitec.model;

import static dev.sitec.model.Fields.lower;
import static dev.sitec.model.Fields.name;
import static dev.sitec.model.Fields.named;
import static dev.sitec.model.Fields.optionalInt;
import static dev.sitec.model.Fields.strings;
import static dev.sitec.model.Fields.text;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;

/** Reads the proxmox section: clusters and their nodes and devices, backup servers, the Datacenter Manager. */
final class ProxmoxReader {

    private final List<String> clusterNames;

    ProxmoxReader(JsonNode proxmox) {
        java.util.SortedSet<String> names = new java.util.TreeSet<>();
        proxmox.path("clusters").fieldNames().forEachRemaining(names::add);
        this.clusterNames = List.copyOf(names);
    }

    Cluster cluster(JsonNode n, JsonPointer at) {
        String clusterName = name(at);
        String snippets = text(n, "snippets_datastore").orElse(Cluster.DEFAULT_SNIPPETS_DATASTORE);
        SortedMap<String, PveNode> nodes = named(n.path("nodes"), at.appendProperty("nodes"),
                (node, nodeAt) -> pveNode(node, nodeAt, clusterName, snippets));
        String endpoint = text(n, "endpoint").orElseGet(() -> nodes.isEmpty() ? ""
                : "https://" + nodes.get(nodes.firstKey()).address() + ":8006/");
        return new Cluster(clusterName, at, nodes, endpoint);
    }

    private PveNode pveNode(JsonNode n, JsonPointer at, String cluster, String clusterSnippets) {
        String nodeName = name(at);
        return new PveNode(nodeName, at, cluster, text(n, "mac").map(MacAddress::parse),
                Ipv4.parse(n.path("address").asText()), text(n, "interface"), bootDisks(n.path("boot_disks")),
                text(n, "datastore"), text(n, "snippets_datastore").orElse(clusterSnippets),
                named(n.path("devices"), at.appendProperty("devices"), (d, dAt) -> device(d, dAt, nodeName)),
                n.path("subscription").asBoolean(false));
    }

    private static Optional<BootDisks> bootDisks(JsonNode n) {
        if (!n.isObject()) {
            return Optional.empty();
        }
        return Optional.of(new BootDisks(Filesystem.valueOf(n.path("filesystem").asText().toUpperCase(java.util.Locale.ROOT)),
                text(n, "raid").map(RaidLevel::of), strings(n.path("disks"))));
    }

    private static Device device(JsonNode n, JsonPointer at, String node) {
        boolean pci = "pci".equals(n.path("type").asText());
        return new Device(name(at), at, node, pci ? Device.Type.PCI : Device.Type.USB, lower(n.path("id").asText()),
                text(n, "address").map(Fields::lower), text(n, "subsystem_id").map(Fields::lower),
                n.has("iommu_group") ? OptionalInt.of(n.path("iommu_group").asInt()) : OptionalInt.empty(),
                n.path("all_functions").asBoolean(false), text(n, "port"), n.path("existing").asBoolean(false),
                n.path("primary_gpu").asBoolean(false));
    }

    BackupServer backupServer(JsonNode n, JsonPointer at) {
        JsonNode r = n.path("retention");
        Retention retention = r.isObject() ? new Retention(optionalInt(r, "keep_last"), optionalInt(r, "keep_hourly"),
                optionalInt(r, "keep_daily"), optionalInt(r, "keep_weekly"), optionalInt(r, "keep_monthly"),
                optionalInt(r, "keep_yearly")) : Retention.DEFAULT;
        return new BackupServer(name(at), at, text(n, "mac").map(MacAddress::parse),
                Ipv4.parse(n.path("address").asText()), text(n, "interface"), bootDisks(n.path("boot_disks")),
                named(n.path("datastores"), at.appendProperty("datastores"), ProxmoxReader::pbsDatastore), retention,
                text(n, "backup_schedule").orElse(BackupServer.DEFAULT_BACKUP_SCHEDULE), strings(n.path("protect")),
                n.has("clusters") ? strings(n.path("clusters")) : clusterNames);
    }

    private static PbsDatastore pbsDatastore(JsonNode n, JsonPointer at) {
        List<String> disks = strings(n.path("disks"));
        RaidLevel raid = text(n, "raid").map(RaidLevel::of)
                .orElse(disks.size() >= 2 ? RaidLevel.RAID1 : RaidLevel.RAID0);
        return new PbsDatastore(name(at), at, text(n, "path"), disks, raid);
    }

    DatacenterManager datacenterManager(JsonNode n, JsonPointer at) {
        return new DatacenterManager(at, n.path("vm").asText(), strings(n.path("remotes")));
    }
}
