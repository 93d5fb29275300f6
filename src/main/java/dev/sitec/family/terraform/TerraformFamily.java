package dev.sitec.family.terraform;

import dev.sitec.model.BackupServer;
import dev.sitec.model.Cluster;
import dev.sitec.model.Container;
import dev.sitec.model.Device;
import dev.sitec.model.Image;
import dev.sitec.model.Network;
import dev.sitec.model.Retention;
import dev.sitec.model.Site;
import dev.sitec.model.Vm;
import dev.sitec.plan.OutputFamily;
import dev.sitec.plan.PlannedFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Terraform for the bpg/proxmox provider: reusable modules (vm, sdn, backup) and one root per
 * cluster whose `locals` hold the site's data and whose module calls iterate over it with
 * for_each, so that every VM has a stable address such as {@code module.vm["k3s-cp-1"]}.
 */
public final class TerraformFamily implements OutputFamily {

    /** The provider release line the generated code is written and checked against. */
    public static final String PROVIDER_VERSION = "0.111.1";
    static final String SDN_ZONE = "sitec";
    static final String BACKUP_USER = "sitec-backup@pbs";
    /** The pool every container goes in: a container's pool_id is ForceNew in the provider. */
    static final String CONTAINER_POOL = "containers";

    /** The pools a cluster root may create: one per VM role, and the containers' one. */
    public static java.util.SortedSet<String> poolNames() {
        java.util.SortedSet<String> pools = new java.util.TreeSet<>();
        for (VmRole role : VmRole.values()) {
            pools.add(role.pool());
        }
        pools.add(CONTAINER_POOL);
        return pools;
    }
    private static final List<String> MODULES = List.of("vm", "container", "sdn", "backup");
    private static final List<String> MODULE_FILES = List.of("main", "variables", "outputs", "versions");
    private static final List<String> ROOT_FILES = List.of("versions", "providers", "variables", "main", "outputs");

    @Override
    public String name() {
        return "terraform";
    }

    @Override
    public List<PlannedFile> plan(Site site) {
        if (site.clusters().isEmpty()) {
            return List.of();
        }
        List<PlannedFile> files = new ArrayList<>();
        Map<String, String> moduleView = Map.of("providerVersion", PROVIDER_VERSION);
        for (String module : MODULES) {
            for (String file : MODULE_FILES) {
                String path = "terraform/modules/" + module + "/" + file + ".tf";
                files.add(PlannedFile.of(path, path + ".ftl", moduleView));
            }
        }
        for (Cluster cluster : site.clusters().values()) {
            ClusterView view = cluster(site, cluster);
            String dir = "terraform/clusters/" + cluster.name() + "/";
            for (String file : ROOT_FILES) {
                files.add(PlannedFile.of(dir + file + ".tf", "terraform/cluster/" + file + ".tf.ftl", view));
            }
            files.add(PlannedFile.of(dir + "README.md", "terraform/cluster/README.md.ftl", view));
        }
        return files;
    }

    static ClusterView cluster(Site site, Cluster cluster) {
        List<Vm> vms = site.vms().values().stream().filter(vm -> cluster.nodes().containsKey(vm.node())).toList();
        List<Container> containers = site.containers().values().stream()
                .filter(ct -> cluster.nodes().containsKey(ct.node())).toList();
        SortedMap<String, ClusterView.Download> downloads = new TreeMap<>();
        List<ClusterView.Upload> uploads = new ArrayList<>();
        List<VmView> vmViews = new ArrayList<>();
        SortedMap<String, ClusterView.Pool> pools = new TreeMap<>();
        Map<String, VmRole> roles = VmRole.of(site);
        for (Vm vm : vms) {
            VmRole role = roles.get(vm.name());
            pools.put(role.pool(), new ClusterView.Pool(role.pool(), role.poolComment()));
            // The virtio-win ISO is downloaded here and attached as a second CD-ROM by Ansible (the provider has one).
            vm.windows().flatMap(Vm.Windows::drivers).map(site.images()::get).ifPresent(drivers -> {
                String key = vm.node() + "/" + drivers.name();
                downloads.put(key, download(key, vm.node(), ISO_CONTENT, drivers, drivers.storedFileName()));
            });
            // A VM adopted as it is has no image: its disks exist, nothing is imported or attached.
            Image image = site.imageOf(vm).orElse(null);
            String importKey = null;
            String importFile = null;
            String isoKey = null;
            if (image == null) {
                vmViews.add(VmViews.of(site, vm, role, null, null, null));
                continue;
            }
            if (image.isTemplate()) {
                // A clone of a template VM on the cluster: nothing to download or import.
                vmViews.add(VmViews.of(site, vm, role, null, null, null));
                continue;
            }
            if (image.kind() == Image.Kind.CLOUD_IMAGE && image.compression().isPresent()) {
                // PVE decompresses ISO downloads only: Ansible fetches and decompresses this one on the node.
                importFile = NodeImages.importVolume(image);
            } else if (image.kind() == Image.Kind.CLOUD_IMAGE) {
                importKey = vm.node() + "/" + image.name();
                downloads.put(importKey, download(importKey, vm.node(), "import", image, importFileName(image)));
            } else if (role == VmRole.MANAGEMENT) {
                // The PDM ISO with its answer baked in, made by installer/<vm>/prepare-iso.sh.
                isoKey = vm.node() + "/" + vm.name() + "-auto";
                uploads.add(new ClusterView.Upload(isoKey, vm.node(), vm.name().replace('-', '_') + "_iso_path",
                        // isos/ in the generated folder, where the runbook (run from there) has prepare-iso.sh write it.
                        "../../../isos/" + vm.name() + "-auto.iso",
                        "Path of " + vm.name() + "'s unattended installation ISO (made by generated/installer/"
                                + vm.name() + "/prepare-iso.sh), relative to this folder."));
            } else {
                isoKey = vm.node() + "/" + image.name();
                downloads.put(isoKey, download(isoKey, vm.node(), ISO_CONTENT, image, image.storedFileName()));
            }
            vmViews.add(VmViews.of(site, vm, role, importKey, importFile, isoKey));
        }
        List<ContainerView> containerViews = new ArrayList<>();
        if (!containers.isEmpty()) {
            pools.put(CONTAINER_POOL, new ClusterView.Pool(CONTAINER_POOL, "LXC containers"));
        }
        for (Container ct : containers) {
            Image template = site.images().get(ct.template());
            String key = ct.node() + "/" + template.name();
            downloads.put(key, download(key, ct.node(), "vztmpl", template, template.fileName()));
            containerViews.add(ContainerViews.of(site, ct, key));
        }
        List<Network> tagged = site.taggedNetworks();
        String sdnBridge = tagged.isEmpty() ? null : tagged.get(0).bridge();
        return new ClusterView(cluster.name(), cluster.endpoint(), PROVIDER_VERSION,
                cluster.nodes().values().stream().map(n -> new ClusterView.Node(n.name(), n.address().toString())).toList(),
                List.copyOf(downloads.values()), uploads, pciMappings(cluster),
                devices(cluster, Device.Type.PCI).filter(d -> d.pciAddress().isEmpty()).map(Device::name).toList(),
                tagged.stream().map(TerraformFamily::vnet).toList(), SDN_ZONE, sdnBridge,
                tagged.stream().mapToInt(Network::mtu).max().orElse(Network.DEFAULT_MTU),
                List.copyOf(pools.values()), vmViews, containerViews, backups(site, cluster, vms, containers),
                backend(site, cluster), applyLines(site, cluster), site.info().domain(), site.info().sshAuthorizedKeys(),
                CONTAINER_POOL);
    }

    /** SDN vnet ids are at most 8 characters: named by VLAN id, which is unique; the alias says which network. */
    static String vnetId(Network network) {
        return "vlan" + network.vlan().getAsInt();
    }

    private static ClusterView.Vnet vnet(Network network) {
        return new ClusterView.Vnet(vnetId(network), network.name(), network.vlan().getAsInt());
    }

    /**
     * A download PVE's download-url makes on a node. PVE decompresses ISO downloads only: its worker
     * dies with "decompression not supported for vztmpl" for anything else (pve-storage 9.1.7,
     * src/PVE/API2/Storage/Status.pm download_url), and reads a container template compressed, by
     * its file name; a compressed cloud image is fetched by Ansible instead (see the caller).
     */
    private static ClusterView.Download download(String key, String node, String contentType, Image image, String fileName) {
        return new ClusterView.Download(key, node, contentType, image.url(), fileName,
                image.checksum().map(Image.Checksum::hex).orElse(null),
                image.checksum().map(Image.Checksum::algorithm).orElse(null),
                ISO_CONTENT.equals(contentType) ? image.compression().flatMap(Image.Compression::proxmoxName).orElse(null) : null);
    }

    private static final String ISO_CONTENT = "iso";



    /**
     * Proxmox imports a disk image by its file name's extension: keep .qcow2, .raw and .vmdk, and name
     * cloud images published as .img (qcow2 inside, as Ubuntu's) .qcow2.
     */
    static String importFileName(Image image) {
        String name = image.fileName();
        if (name.endsWith(".qcow2") || name.endsWith(".raw") || name.endsWith(".vmdk")) {
            return name;
        }
        return (name.endsWith(".img") ? name.substring(0, name.length() - 4) : name) + ".qcow2";
    }

    /**
     * The PCI mappings Terraform manages: each the site gives an address, made or, marked existing,
     * adopted. One adopted without an address (a rule allows that for existing ones only) is left as
     * the cluster has it: its map cannot be said without the device's path.
     */
    private static List<ClusterView.PciMapping> pciMappings(Cluster cluster) {
        return devices(cluster, Device.Type.PCI).filter(d -> d.pciAddress().isPresent()).map(d -> {
            String address = d.pciAddress().orElseThrow();
            // Without the function number the mapping covers every function of the device.
            String path = d.allFunctions() ? address.substring(0, address.lastIndexOf('.')) : address;
            OptionalInt group = d.iommuGroup();
            return new ClusterView.PciMapping(d.name(), mappingComment(d), d.node(), d.id(), path,
                    d.subsystemId().orElse(null), group.isPresent() ? group.getAsInt() : null, d.existing());
        }).toList();
    }

    /** A cluster's devices of one type: node by node, by name within a node. */
    private static Stream<Device> devices(Cluster cluster, Device.Type type) {
        return cluster.nodes().values().stream().flatMap(node -> node.devices().values().stream()
                .filter(d -> d.type() == type).sorted(Comparator.comparing(Device::name)));
    }

    private static String mappingComment(Device device) {
        return device.name() + " on " + device.node();
    }

    /** The backup servers this cluster backs up to, each with the pets (and protected guests) it keeps. */
    private static List<ClusterView.Backup> backups(Site site, Cluster cluster, List<Vm> clusterVms,
                                                    List<Container> clusterContainers) {
        List<ClusterView.Backup> backups = new ArrayList<>();
        for (BackupServer pbs : site.backupServers().values()) {
            if (!pbs.serves(cluster.name())) {
                continue;
            }
            List<String> ids = Stream.concat(
                    clusterVms.stream().filter(vm -> vm.isPet() || pbs.protect().contains(vm.name())).map(Vm::vmId),
                    clusterContainers.stream().filter(ct -> ct.isPet() || pbs.protect().contains(ct.name()))
                            .map(Container::vmId))
                    .map(String::valueOf).sorted().toList();
            backups.add(new ClusterView.Backup(pbs.name(), pbs.address().toString(), pbs.primaryDatastore().name(),
                    BACKUP_USER, calendarEvent(pbs.backupSchedule()), ids, prune(pbs.retention())));
        }
        return backups;
    }

    /**
     * Proxmox calendar events say "every day at 02:00" as just "02:00"; the keyword daily stands
     * alone (midnight). Write "daily HH:MM" the way Proxmox reads it.
     */
    static String calendarEvent(String schedule) {
        return schedule.matches("daily \\d{1,2}:\\d{2}") ? schedule.substring("daily ".length()) : schedule;
    }

    private static List<ClusterView.Prune> prune(Retention retention) {
        return retention.options().entrySet().stream().map(e -> new ClusterView.Prune(e.getKey(), e.getValue())).toList();
    }

    private static ClusterView.Backend backend(Site site, Cluster cluster) {
        var settings = site.terraform();
        String schema = settings.pg().map(pg -> pg.schemaPrefix() + cluster.name().replace('-', '_')).orElse(null);
        return new ClusterView.Backend(schema,
                settings.s3().map(s -> s.bucket()).orElse(null),
                settings.s3().map(s -> s.keyPrefix() + cluster.name() + ".tfstate").orElse(null),
                settings.s3().map(s -> s.region()).orElse(null),
                settings.s3().flatMap(s -> s.endpoint()).orElse(null));
    }

    /** How the operator puts the API token where the provider reads it (PROXMOX_VE_API_TOKEN). */
    /** What the root's README shows to apply it, from the generated folder: the runbook's own lines. */
    private static List<String> applyLines(Site site, Cluster cluster) {
        List<String> lines = new ArrayList<>(TerraformRoots.secretExports(site, cluster));
        lines.add(TerraformRoots.init(site, cluster));
        lines.add("terraform -chdir=" + TerraformRoots.root(cluster) + " apply");
        return lines;
    }
}
