package dev.sitec.model;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sitec.load.SourceDocument;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * Builds the {@link Site} model from a document the schema has accepted: applies profiles and
 * defaults, and derives VMIDs, MACs and datastores. References are kept as names; the semantic
 * rules check that they resolve before any output family sees the model.
 */
public final class ModelBuilder {

    public Site build(SourceDocument document) {
        JsonNode root = document.root();
        JsonNode proxmox = root.path("proxmox");
        SortedMap<String, Profile> profiles = named(root.path("profiles"), ptr("profiles"), this::profile);
        return new Site(
                siteInfo(root.path("site")),
                named(root.path("secrets"), ptr("secrets"), (n, at) -> secret(n, at)),
                named(root.path("networks"), ptr("networks"), this::network),
                named(root.path("images"), ptr("images"), this::image),
                named(proxmox.path("clusters"), ptr("proxmox", "clusters"), this::cluster),
                named(proxmox.path("backup_servers"), ptr("proxmox", "backup_servers"), this::backupServer),
                optional(proxmox.path("datacenter_manager"), ptr("proxmox", "datacenter_manager"), this::datacenterManager),
                installer(root.path("installer")),
                terraform(root.path("terraform").path("backend")),
                profiles,
                named(root.path("vms"), ptr("vms"), (n, at) -> vm(n, at, profiles)),
                named(root.path("machines"), ptr("machines"), this::machine),
                optional(root.path("kubernetes"), ptr("kubernetes"), this::kubernetes));
    }

    static JsonPointer ptr(String... segments) {
        JsonPointer at = JsonPointer.empty();
        for (String segment : segments) {
            at = at.appendProperty(segment);
        }
        return at;
    }

    private static String name(JsonPointer at) {
        return at.last().getMatchingProperty();
    }

    private SiteInfo siteInfo(JsonNode n) {
        return new SiteInfo(n.path("name").asText(), n.path("domain").asText(), n.path("timezone").asText(),
                n.path("country").asText(), n.path("keyboard").asText(), n.path("admin_email").asText(),
                strings(n.path("ssh_authorized_keys")), n.path("password_hash").asText(),
                text(n, "admin_user").orElse(SiteInfo.DEFAULT_ADMIN_USER));
    }

    private SecretRef secret(JsonNode n, JsonPointer at) {
        return n.has("env")
                ? new SecretRef(name(at), SecretRef.Source.ENV, n.path("env").asText())
                : new SecretRef(name(at), SecretRef.Source.FILE, n.path("file").asText());
    }

    private Network network(JsonNode n, JsonPointer at) {
        return new Network(name(at), at, n.path("vlan").asInt(), Ipv4Cidr.parse(n.path("cidr").asText()),
                text(n, "gateway").map(Ipv4::parse),
                strings(n.path("dns")).stream().map(Ipv4::parse).toList(),
                integer(n, "mtu").orElse(Network.DEFAULT_MTU));
    }

    private Image image(JsonNode n, JsonPointer at) {
        Image.Kind kind = "iso".equals(n.path("kind").asText()) ? Image.Kind.ISO : Image.Kind.CLOUD_IMAGE;
        return new Image(name(at), at, kind, arch(n.path("arch").asText()), n.path("url").asText(),
                text(n, "checksum").map(Image.Checksum::parse));
    }

    private static Arch arch(String id) {
        return Arch.valueOf(id.toUpperCase(java.util.Locale.ROOT));
    }

    private Cluster cluster(JsonNode n, JsonPointer at) {
        String clusterName = name(at);
        SortedMap<String, PveNode> nodes = named(n.path("nodes"), at.appendProperty("nodes"),
                (node, nodeAt) -> pveNode(node, nodeAt, clusterName));
        String endpoint = text(n, "endpoint").orElseGet(() -> nodes.isEmpty() ? ""
                : "https://" + nodes.get(nodes.firstKey()).address() + ":8006/");
        return new Cluster(clusterName, at, nodes, endpoint);
    }

    private PveNode pveNode(JsonNode n, JsonPointer at, String cluster) {
        String nodeName = name(at);
        return new PveNode(nodeName, at, cluster, MacAddress.parse(n.path("mac").asText()),
                Ipv4.parse(n.path("address").asText()), n.path("interface").asText(), bootDisks(n.path("boot_disks")),
                named(n.path("devices"), at.appendProperty("devices"), (d, dAt) -> device(d, dAt, nodeName)));
    }

    private BootDisks bootDisks(JsonNode n) {
        return new BootDisks(Filesystem.valueOf(n.path("filesystem").asText().toUpperCase(java.util.Locale.ROOT)),
                text(n, "raid").map(RaidLevel::of), strings(n.path("disks")));
    }

    private Device device(JsonNode n, JsonPointer at, String node) {
        boolean pci = "pci".equals(n.path("type").asText());
        return new Device(name(at), at, node, pci ? Device.Type.PCI : Device.Type.USB, n.path("id").asText().toLowerCase(java.util.Locale.ROOT),
                text(n, "address").map(s -> s.toLowerCase(java.util.Locale.ROOT)),
                text(n, "subsystem_id").map(s -> s.toLowerCase(java.util.Locale.ROOT)),
                n.has("iommu_group") ? OptionalInt.of(n.path("iommu_group").asInt()) : OptionalInt.empty(),
                n.path("all_functions").asBoolean(false), text(n, "port"));
    }

    private BackupServer backupServer(JsonNode n, JsonPointer at) {
        JsonNode r = n.path("retention");
        Retention retention = new Retention(optionalInt(r, "keep_last"), optionalInt(r, "keep_hourly"),
                optionalInt(r, "keep_daily"), optionalInt(r, "keep_weekly"), optionalInt(r, "keep_monthly"),
                optionalInt(r, "keep_yearly"));
        return new BackupServer(name(at), at, MacAddress.parse(n.path("mac").asText()),
                Ipv4.parse(n.path("address").asText()), n.path("interface").asText(), bootDisks(n.path("boot_disks")),
                named(n.path("datastores"), at.appendProperty("datastores"), this::pbsDatastore), retention,
                n.path("backup_schedule").asText(), strings(n.path("protect")));
    }

    private PbsDatastore pbsDatastore(JsonNode n, JsonPointer at) {
        List<String> disks = strings(n.path("disks"));
        RaidLevel raid = text(n, "raid").map(RaidLevel::of)
                .orElse(disks.size() >= 2 ? RaidLevel.RAID1 : RaidLevel.RAID0);
        return new PbsDatastore(name(at), at, n.path("path").asText(), disks, raid);
    }

    private DatacenterManager datacenterManager(JsonNode n, JsonPointer at) {
        return new DatacenterManager(at, n.path("vm").asText(), strings(n.path("remotes")));
    }

    private Installer installer(JsonNode n) {
        return new Installer("http".equals(n.path("fetch").asText()) ? Installer.Fetch.HTTP : Installer.Fetch.ISO,
                text(n, "answer_url"),
                isoSource(n.path("pve_iso")).orElse(Installer.DEFAULT_PVE_ISO),
                isoSource(n.path("pbs_iso")).orElse(Installer.DEFAULT_PBS_ISO));
    }

    private TerraformSettings terraform(JsonNode backend) {
        JsonNode pg = backend.path("pg");
        JsonNode s3 = backend.path("s3");
        return new TerraformSettings(
                pg.isObject() ? Optional.of(new TerraformSettings.Pg(text(pg, "schema_prefix").orElse("sitec_"))) : Optional.empty(),
                s3.isObject() ? Optional.of(new TerraformSettings.S3(s3.path("bucket").asText(), s3.path("region").asText(),
                        text(s3, "endpoint"), text(s3, "key_prefix").orElse("sitec/"))) : Optional.empty());
    }

    private Optional<Installer.IsoSource> isoSource(JsonNode n) {
        return n.isObject() ? Optional.of(new Installer.IsoSource(n.path("url").asText(),
                text(n, "checksum").map(Image.Checksum::parse))) : Optional.empty();
    }

    private Profile profile(JsonNode n, JsonPointer at) {
        return new Profile(name(at), at, text(n, "image"), optionalInt(n, "cores"), optionalInt(n, "memory_mib"),
                n.has("disks") ? Optional.of(disks(n.path("disks"))) : Optional.empty(), stringMap(n.path("labels")));
    }

    private Vm vm(JsonNode n, JsonPointer at, Map<String, Profile> profiles) {
        String vmName = name(at);
        Optional<String> profileName = text(n, "profile");
        Optional<Profile> profile = profileName.map(profiles::get);
        Optional<String> image = text(n, "image").or(() -> profile.flatMap(Profile::image));
        int cores = integer(n, "cores").or(() -> profile.flatMap(p -> boxed(p.cores()))).orElse(Vm.DEFAULT_CORES);
        int memory = integer(n, "memory_mib").or(() -> profile.flatMap(p -> boxed(p.memoryMib())))
                .orElse(Vm.DEFAULT_MEMORY_MIB);
        List<VmDisk> disks = n.has("disks") ? disks(n.path("disks"))
                : profile.flatMap(Profile::disks).orElse(List.of(new VmDisk(0, Vm.DEFAULT_DISK_GIB, VmDisk.Purpose.SYSTEM)));
        SortedMap<String, String> labels = new TreeMap<>(profile.map(Profile::labels).orElse(Map.of()));
        labels.putAll(stringMap(n.path("labels")));
        Map<String, String> macOverrides = stringMap(n.path("macs"));
        List<Nic> nics = nics(n.path("address"), network -> Optional.ofNullable(macOverrides.get(network))
                .map(MacAddress::parse).orElseGet(() -> MacAddress.derive(vmName + "/" + network)),
                network -> !macOverrides.containsKey(network));
        OptionalInt explicitId = optionalInt(n, "vm_id");
        return new Vm(vmName, at, n.path("node").asText(), profileName, image,
                "pet".equals(n.path("lifecycle").asText()) ? Lifecycle.PET : Lifecycle.CATTLE,
                cores, memory, disks, strings(n.path("passthrough")), nics, Collections.unmodifiableSortedMap(labels),
                explicitId.orElseGet(() -> VmIds.derive(vmName)), explicitId.isPresent(),
                n.path("on_boot").asBoolean(true), text(n, "description"));
    }

    private Machine machine(JsonNode n, JsonPointer at) {
        MacAddress mac = MacAddress.parse(n.path("mac").asText());
        return new Machine(name(at), at, Machine.Board.of(n.path("board").asText()), n.path("image").asText(), mac,
                nics(n.path("address"), network -> mac, network -> false), strings(n.path("roles")), text(n, "longhorn_disk"),
                Collections.unmodifiableSortedMap(new TreeMap<>(stringMap(n.path("labels")))));
    }

    private Kubernetes kubernetes(JsonNode n, JsonPointer at) {
        JsonNode storage = n.path("storage");
        Optional<Kubernetes.Longhorn> longhorn = Optional.of(storage.path("longhorn")).filter(JsonNode::isObject)
                .map(l -> new Kubernetes.Longhorn(l.path("version").asText(), l.path("default_replicas").asInt(3),
                        l.path("default_class").asBoolean(true)));
        Optional<Kubernetes.Nfs> nfs = Optional.of(storage.path("nfs")).filter(JsonNode::isObject)
                .map(f -> new Kubernetes.Nfs(f.path("server").asText(), f.path("export").asText(),
                        text(f, "storage_class").orElse("nfs"),
                        text(f, "chart_version").orElse(Kubernetes.Nfs.DEFAULT_CHART_VERSION)));
        Optional<Kubernetes.Flux> flux = Optional.of(n.path("flux")).filter(JsonNode::isObject)
                .map(f -> new Kubernetes.Flux(f.path("repository").asText(), f.path("branch").asText(),
                        f.path("path").asText(), text(f, "version").orElse(DEFAULT_FLUX_VERSION),
                        text(f, "tree").orElse(Kubernetes.Flux.DEFAULT_TREE)));
        SortedMap<String, Kubernetes.App> apps = named(n.path("apps"), at.appendProperty("apps"), (a, appAt) -> {
            JsonNode chart = a.path("chart");
            return new Kubernetes.App(name(appAt), chart.path("repository").asText(), chart.path("name").asText(),
                    chart.path("version").asText(), text(a, "namespace").orElse(name(appAt)),
                    a.has("values") ? a.path("values").deepCopy() : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(),
                    Collections.unmodifiableSortedMap(new TreeMap<>(stringMap(a.path("node_selector")))));
        });
        return new Kubernetes(at, n.path("version").asText(), Ipv4.parse(n.path("api_vip").asText()),
                strings(n.path("servers")), strings(n.path("agents")), longhorn, nfs,
                text(n.path("gpu"), "nvidia_device_plugin"), flux, apps);
    }

    /** The Flux release the bootstrap installs when site.yaml names none (Flux 2.9, late 2026). */
    public static final String DEFAULT_FLUX_VERSION = "v2.9.1";

    private List<Nic> nics(JsonNode addresses, java.util.function.Function<String, MacAddress> macOf,
                           java.util.function.Predicate<String> derived) {
        List<Nic> nics = new ArrayList<>();
        addresses.properties().forEach(entry -> nics.add(new Nic(nics.size(), entry.getKey(),
                Ipv4.parse(entry.getValue().asText()), macOf.apply(entry.getKey()), derived.test(entry.getKey()))));
        return nics;
    }

    private List<VmDisk> disks(JsonNode n) {
        List<VmDisk> disks = new ArrayList<>();
        for (JsonNode disk : n) {
            VmDisk.Purpose purpose = VmDisk.Purpose.valueOf(
                    disk.path("purpose").asText("system").toUpperCase(java.util.Locale.ROOT));
            disks.add(new VmDisk(disks.size(), disk.path("size_gib").asInt(), purpose));
        }
        return List.copyOf(disks);
    }

    private static <T> SortedMap<String, T> named(JsonNode n, JsonPointer at, BiFunction<JsonNode, JsonPointer, T> build) {
        SortedMap<String, T> result = new TreeMap<>();
        n.properties().forEach(e -> result.put(e.getKey(), build.apply(e.getValue(), at.appendProperty(e.getKey()))));
        return Collections.unmodifiableSortedMap(result);
    }

    private static <T> Optional<T> optional(JsonNode n, JsonPointer at, BiFunction<JsonNode, JsonPointer, T> build) {
        return n.isObject() ? Optional.of(build.apply(n, at)) : Optional.empty();
    }

    private static Optional<String> text(JsonNode n, String field) {
        JsonNode value = n.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }

    private static Optional<Integer> integer(JsonNode n, String field) {
        JsonNode value = n.get(field);
        return value == null || !value.isIntegralNumber() ? Optional.empty() : Optional.of(value.asInt());
    }

    private static OptionalInt optionalInt(JsonNode n, String field) {
        return integer(n, field).map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    private static Optional<Integer> boxed(OptionalInt value) {
        return value.isPresent() ? Optional.of(value.getAsInt()) : Optional.empty();
    }

    private static List<String> strings(JsonNode n) {
        List<String> values = new ArrayList<>();
        n.forEach(item -> values.add(item.asText()));
        return List.copyOf(values);
    }

    private static Map<String, String> stringMap(JsonNode n) {
        Map<String, String> values = new LinkedHashMap<>();
        n.properties().forEach(e -> values.put(e.getKey(), e.getValue().asText()));
        return values;
    }
}
