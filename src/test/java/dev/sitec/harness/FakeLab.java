package dev.sitec.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import dev.sitec.Compilation;
import dev.sitec.SiteCompiler;
import dev.sitec.model.Cluster;
import dev.sitec.model.Container;
import dev.sitec.model.Device;
import dev.sitec.model.Network;
import dev.sitec.model.Nic;
import dev.sitec.model.PveNode;
import dev.sitec.model.Site;
import dev.sitec.model.Vm;
import dev.sitec.model.VmDisk;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the apply rehearsal (scripts/apply-rehearsal) builds a fake Proxmox VE cluster from, read from
 * a site through sitec's own compiler, so it works on any site: per PVE cluster its nodes (address,
 * subscription), their bridges, the storages the nodes have (what the PVE installer makes on a node
 * sitec installs, or the datastores an installed node's site names), and the guests and device
 * mappings the site marks {@code existing: true}, with the identities the site gives them (node,
 * VMID, MACs, disks), which the generated import blocks adopt; and the template VMs the site's
 * {@code kind: template} images name, which its VMs are cloned from (on their datastore, shared with
 * every node of the cluster when the image says so).
 *
 * <p>Prints JSON on stdout: {@code {"clusters": {name: {...}}}}. Exit 2 when the site does not compile.
 * Not a part of sitec: a test-side tool (the rehearsal compiles it against target/sitec.jar).
 */
public final class FakeLab {

    private FakeLab() {
    }

    /** The path the fake's copy of a PCI mapping the site adopts without an address has. */
    static final String UNSAID_PCI_PATH = "0000:ff:00.0";

    /** Where the PVE installer's `local` dir storage lives (pve-manager's default storage.cfg). */
    static final String LOCAL_PATH = "/var/lib/vz";

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: FakeLab SITE.yaml GENERATED_DIR  (the tree `sitec generate` made of SITE)");
            System.exit(64);
        }
        Compilation compiled = new SiteCompiler().validate(Path.of(args[0]), args[0]);
        if (compiled.site().isEmpty()) {
            compiled.diagnostics().forEach(d -> System.err.println(d));
            System.exit(2);
        }
        // The API user, token and privileges, and the content of `local`, as the generated Ansible
        // role that prepares a node (and makes the token Terraform uses) sets them.
        Path defaults = Path.of(args[1], "ansible/roles/proxmox_node/defaults/main.yml");
        JsonNode role = new ObjectMapper().valueToTree(
                new Load(LoadSettings.builder().build()).loadFromString(java.nio.file.Files.readString(defaults)));
        List<String> content = new ArrayList<>();
        role.path("proxmox_node_local_content").forEach(n -> content.add(n.asText()));
        String localContent = String.join(",", content);
        Map<String, Object> token = new LinkedHashMap<>();
        token.put("user", role.path("proxmox_node_terraform_user").asText());
        token.put("token", role.path("proxmox_node_terraform_token").asText());
        List<String> privileges = new ArrayList<>();
        role.path("proxmox_node_terraform_privileges").forEach(n -> privileges.add(n.asText()));
        token.put("privileges", privileges);
        if (localContent.isEmpty() || privileges.isEmpty()) {
            System.err.println("FakeLab: " + defaults + " names no local content or no token privileges");
            System.exit(2);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("token", token);
        out.put("backup_servers", List.copyOf(compiled.site().get().backupServers().keySet()));
        out.put("clusters", clusters(compiled.site().get(), localContent));
        System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out));
    }

    static Map<String, Object> clusters(Site site, String localContent) {
        Map<String, Object> clusters = new TreeMap<>();
        for (Cluster cluster : site.clusters().values()) {
            clusters.put(cluster.name(), cluster(site, cluster, localContent));
        }
        return clusters;
    }

    private static Map<String, Object> cluster(Site site, Cluster cluster, String localContent) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("endpoint", cluster.endpoint());
        Map<String, Object> nodes = new TreeMap<>();
        Map<String, Map<String, Object>> storages = new TreeMap<>();
        for (PveNode node : cluster.nodes().values()) {
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("address", node.address().toString());
            n.put("installed_by_sitec", node.installedBySitec());
            n.put("subscription", node.subscription());
            n.put("bridges", bridges(site));
            nodes.put(node.name(), n);
            // Every PVE node has `local` (the installer's dir storage); sitec's Ansible sets its content.
            storage(storages, "local", "dir", localContent, node.name());
            if (node.installedBySitec()) {
                var def = node.bootDisks().orElseThrow().filesystem().vmStorage();
                storage(storages, def.id(), def.type(), "images,rootdir", node.name());
            } else {
                node.datastore().ifPresent(d -> storage(storages, d, guessType(d), "images,rootdir", node.name()));
            }
            if (!node.snippetsDatastore().equals("local")) {
                storage(storages, node.snippetsDatastore(), "dir", "snippets", node.name());
            }
        }
        List<Object> vms = new ArrayList<>();
        List<Object> addresses = new ArrayList<>();
        for (Vm vm : site.vms().values()) {
            if (!cluster.nodes().containsKey(vm.node())) {
                continue;
            }
            // What the guest agent reports: each NIC's static address (a DHCP one gets a made-up address).
            for (Nic nic : vm.nics()) {
                Network net = site.network(nic.network());
                if (nic.address().isPresent() && net.cidr().isPresent()) {
                    addresses.add(Map.of("mac", nic.guestMac().value(), "address", nic.address().get().toString(),
                            "prefix", net.cidr().get().prefix()));
                }
            }
            for (VmDisk disk : vm.disks()) {
                String ds = site.datastoreOf(vm, disk);
                storage(storages, ds, guessType(ds), "images,rootdir", vm.node());
            }
            if (vm.existing()) {
                vms.add(vm(site, vm));
            }
        }
        List<Object> templates = new ArrayList<>();
        for (var image : site.images().values()) {
            var t = image.template().orElse(null);
            if (t == null || !cluster.nodes().containsKey(t.node())) {
                continue;
            }
            String ds = site.datastoreOf(t).orElseThrow();
            for (String node : t.shared() ? cluster.nodes().keySet() : java.util.Set.of(t.node())) {
                storage(storages, ds, guessType(ds), "images,rootdir", node);
            }
            if (t.shared()) {
                storages.get(ds).put("shared", true);
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", image.name());
            m.put("vm_id", t.vmId());
            m.put("node", t.node());
            m.put("datastore", ds);
            m.put("uefi", image.uefi());
            templates.add(m);
        }
        List<Object> containers = new ArrayList<>();
        for (Container ct : site.containers().values()) {
            if (!cluster.nodes().containsKey(ct.node())) {
                continue;
            }
            String ds = site.datastoreOf(ct);
            storage(storages, ds, guessType(ds), "images,rootdir", ct.node());
            for (Nic nic : ct.nics()) {
                Network net = site.network(nic.network());
                if (nic.address().isPresent() && net.cidr().isPresent()) {
                    addresses.add(Map.of("mac", nic.guestMac().value(), "address", nic.address().get().toString(),
                            "prefix", net.cidr().get().prefix()));
                }
            }
            for (Container.Mount m : ct.mounts()) {
                m.datastore().ifPresent(d -> storage(storages, d, guessType(d), "images,rootdir", ct.node()));
            }
            if (ct.existing()) {
                containers.add(container(site, ct));
            }
        }
        List<Object> mappings = new ArrayList<>();
        for (PveNode node : cluster.nodes().values()) {
            for (Device d : new TreeMap<>(node.devices()).values()) {
                if (d.existing()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("name", d.name());
                    m.put("type", d.type().name().toLowerCase(Locale.ROOT));
                    m.put("node", d.node());
                    m.put("id", d.id());
                    // A mapping the site adopts without an address has one in PVE all the same; the site
                    // does not say it, and Terraform never reads it: any will do.
                    m.put("path", d.pciAddress().or(d::usbPort).orElse(UNSAID_PCI_PATH));
                    d.subsystemId().ifPresent(s -> m.put("subsystem_id", s));
                    if (d.iommuGroup().isPresent()) {
                        m.put("iommu_group", d.iommuGroup().getAsInt());
                    }
                    mappings.add(m);
                }
            }
        }
        c.put("nodes", nodes);
        c.put("storages", storages);
        c.put("vms", vms);
        c.put("containers", containers);
        c.put("templates", templates);
        c.put("mappings", mappings);
        c.put("guest_addresses", addresses);
        return c;
    }

    /** The node bridges: vmbr0 (the installer's) and every bridge a network names, at its largest MTU. */
    private static Map<String, Integer> bridges(Site site) {
        Map<String, Integer> out = new TreeMap<>();
        out.put(Network.DEFAULT_BRIDGE, site.largestMtu(Network.DEFAULT_BRIDGE));
        for (Network n : site.networks().values()) {
            out.put(n.bridge(), site.largestMtu(n.bridge()));
        }
        return out;
    }

    /**
     * The type of a datastore an installed node's site names: the site gives its name only, so the
     * name decides (PVE's own defaults: local-zfs is a zfspool, local-lvm and *-thin are lvmthin, local a dir).
     */
    static String guessType(String id) {
        String s = id.toLowerCase(Locale.ROOT);
        if (s.equals("local")) {
            return "dir";
        }
        if (s.contains("zfs")) {
            return "zfspool";
        }
        if (s.contains("btrfs")) {
            return "btrfs";
        }
        if (s.contains("ceph") || s.contains("rbd")) {
            return "rbd";
        }
        if (s.contains("nfs") || s.contains("dir")) {
            return "dir";
        }
        return "lvmthin";
    }

    @SuppressWarnings("unchecked")
    private static void storage(Map<String, Map<String, Object>> storages, String id, String type, String content,
                                String node) {
        Map<String, Object> s = storages.computeIfAbsent(id, k -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", type);
            m.put("content", new TreeSet<String>());
            m.put("nodes", new TreeSet<String>());
            return m;
        });
        ((TreeSet<String>) s.get("content")).addAll(List.of(content.split(",")));
        ((TreeSet<String>) s.get("nodes")).add(node);
    }

    private static List<Object> nics(Site site, List<Nic> nics) {
        List<Object> out = new ArrayList<>();
        for (Nic nic : nics) {
            Network net = site.network(nic.network());
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("index", nic.index());
            n.put("network", nic.network());
            n.put("bridge", net.bridge());
            net.vlan().ifPresent(v -> n.put("tag", v));
            n.put("mtu", net.mtu());
            n.put("mac", nic.guestMac().value().toUpperCase(Locale.ROOT));
            nic.address().ifPresent(a -> n.put("address", a.toString()));
            net.cidr().ifPresent(cidr -> n.put("prefix", cidr.prefix()));
            net.gateway().ifPresent(g -> n.put("gateway", g.toString()));
            out.add(n);
        }
        return out;
    }

    private static Map<String, Object> vm(Site site, Vm vm) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("name", vm.name());
        v.put("vm_id", vm.vmId());
        v.put("node", vm.node());
        v.put("cores", vm.cores());
        v.put("memory_mib", vm.memoryMib());
        vm.firmware().ifPresent(f -> v.put("bios", f == Vm.Firmware.UEFI ? "ovmf" : "seabios"));
        vm.machine().ifPresent(m -> v.put("machine", m == Vm.Machine.Q35 ? "q35" : "pc"));
        vm.agent().ifPresent(a -> v.put("agent", a));
        // What the site says of its hardware, else PVE's defaults (no cpu line; the agent's trim is sitec's).
        v.put("agent_trim", vm.agentTrim().orElse(true));
        vm.cpuType().ifPresent(c -> v.put("cpu", c));
        vm.scsiController().ifPresent(c -> v.put("scsihw", c));
        vm.description().ifPresent(d -> v.put("description", d));
        vm.serialConsole().ifPresent(s -> v.put("serial", s));
        vm.balloonMinMib().ifPresent(b -> v.put("balloon", b));
        v.put("on_boot", vm.onBoot());
        vm.windows().ifPresent(w -> v.put("ostype", w.osType()));
        List<Object> disks = new ArrayList<>();
        for (VmDisk disk : vm.disks()) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("slot", disk.slot());
            d.put("size_gib", disk.sizeGib());
            d.put("datastore", site.datastoreOf(vm, disk));
            d.put("format", disk.fileFormat());
            disks.add(d);
        }
        v.put("disks", disks);
        // Its PCI devices: by the mapping the cluster has (existing), else by address, as a VM adopted
        // before sitec made the mapping has them (a whole device without its function number).
        List<Object> hostpci = new ArrayList<>();
        for (Device d : site.passthroughOf(vm)) {
            if (d.type() != Device.Type.PCI) {
                continue;
            }
            String address = d.pciAddress().orElse(UNSAID_PCI_PATH);
            hostpci.add((d.existing() ? "mapping=" + d.name()
                    : d.allFunctions() ? address.substring(0, address.lastIndexOf('.')) : address)
                    + (d.primaryGpu() ? ",x-vga=1" : ""));
        }
        v.put("hostpci", hostpci);
        v.put("nics", nics(site, vm.nics()));
        return v;
    }

    private static Map<String, Object> container(Site site, Container ct) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("name", ct.name());
        v.put("vm_id", ct.vmId());
        v.put("node", ct.node());
        v.put("cores", ct.cores());
        v.put("memory_mib", ct.memoryMib());
        v.put("swap_mib", ct.swapMib());
        v.put("unprivileged", ct.unprivileged());
        v.put("features", ct.features().stream().map(Container.Feature::id).toList());
        v.put("template", site.images().containsKey(ct.template())
                ? site.images().get(ct.template()).fileName() : ct.template());
        v.put("disk", Map.of("datastore", site.datastoreOf(ct), "size_gib", ct.disk().sizeGib()));
        List<Object> mounts = new ArrayList<>();
        for (Container.Mount m : ct.mounts()) {
            Map<String, Object> mp = new LinkedHashMap<>();
            mp.put("index", m.index());
            mp.put("path", m.path());
            m.hostPath().ifPresent(h -> mp.put("host_path", h));
            if (!m.bind()) {
                mp.put("datastore", m.datastore().orElse(site.datastoreOf(ct)));
                mp.put("size_gib", m.sizeGib());
            }
            mounts.add(mp);
        }
        v.put("mounts", mounts);
        v.put("nics", nics(site, ct.nics()));
        ct.description().ifPresent(d -> v.put("description", d));
        return v;
    }
}
