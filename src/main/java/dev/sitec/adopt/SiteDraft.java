package dev.sitec.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitec.family.terraform.TerraformFamily;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The site that describes a cluster: its settings, networks, nodes, and every guest it can adopt,
 * with a comment on each value import had to choose and a list of what the site cannot say.
 */
public final class SiteDraft {


    private static final Map<String, String> COUNTRY_BY_KEYBOARD = Map.ofEntries(Map.entry("de", "de"),
            Map.entry("de-ch", "ch"), Map.entry("dk", "dk"), Map.entry("en-gb", "gb"), Map.entry("en-us", "us"),
            Map.entry("es", "es"), Map.entry("fi", "fi"), Map.entry("fr", "fr"), Map.entry("fr-be", "be"),
            Map.entry("fr-ca", "ca"), Map.entry("fr-ch", "ch"), Map.entry("hu", "hu"), Map.entry("is", "is"),
            Map.entry("it", "it"), Map.entry("jp", "jp"), Map.entry("lt", "lt"), Map.entry("mk", "mk"),
            Map.entry("nl", "nl"), Map.entry("no", "no"), Map.entry("pl", "pl"), Map.entry("pt", "pt"),
            Map.entry("pt-br", "br"), Map.entry("se", "se"), Map.entry("si", "si"), Map.entry("tr", "tr"));
    private static final List<String> STORAGE_PREFERENCE = List.of("zfspool", "lvmthin", "rbd", "lvm", "dir", "nfs", "btrfs");

    private SiteDraft() {
    }

    /** Reads the cluster and drafts its site. */
    public static DraftView read(PveApi api, Optional<String> endpoint) throws PveApiException {
        PveCluster cluster = new ClusterReader(api).read();
        try {
            return draft(cluster, api.source(), endpoint);
        } catch (UnreadableGuest e) {
            // PVE checks what it stores, so this is an answer edited by hand or a shape of a PVE sitec was
            // not tested against: say which, rather than fail as if sitec had a bug.
            if (e.getCause() instanceof UnexpectedValue value) {
                throw value.located(e.guest.describe() + ": ", api, e.guest.path() + "/config");
            }
            Throwable cause = e.getCause();
            throw new PveApiException("the configuration of " + e.guest.describe() + " from " + api.source() + " has a"
                    + " value sitec import cannot read (" + cause.getClass().getSimpleName() + ": " + cause.getMessage()
                    + ")", "check the cluster's configuration with pvesh; if it is as PVE wrote it, report it with the"
                            + " folder --record saves");
        } catch (UnexpectedValue e) {
            // Read outside a guest's drafting (a node's network, the storages, the options): placed where it was.
            throw e.located("", api, e.answer().orElse("cluster/resources"));
        }
    }

    static DraftView draft(PveCluster cluster, String source, Optional<String> endpoint) {
        Map<PveCluster.Guest, List<NicFact>> nicsByGuest = new LinkedHashMap<>();
        List<NicFact> allNics = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<PveCluster.Guest> templates = new ArrayList<>();
        for (PveCluster.Guest guest : cluster.guests()) {
            if (guest.template()) {
                if (guest.kind() == PveCluster.Kind.QEMU) {
                    templates.add(guest);
                } else {
                    skipped.add(guest.describe() + ": a container template, not a guest; clone it by hand or leave it");
                }
                continue;
            }
            List<NicFact> nics = readable(guest, () -> NicFact.of(guest));
            nicsByGuest.put(guest, nics);
            allNics.addAll(nics);
        }
        NetworkPlan networks = new NetworkPlan(cluster, allNics);
        Drafting draft = new Drafting(cluster, networks, nodeDatastores(cluster));
        templates.forEach(t -> readable(t, () -> templateImage(cluster, draft, t)));
        draft.notAdopted.addAll(cluster.unread());
        draft.notAdopted.addAll(skipped);
        draft.unexpressed.addAll(networks.unexpressed());
        cluster.nodes().forEach(n -> draft.names.reserve(n.name()));
        List<DraftView.Vm> vms = new ArrayList<>();
        List<DraftView.Container> containers = new ArrayList<>();
        VmDraft vmDraft = new VmDraft(draft);
        ContainerDraft containerDraft = new ContainerDraft(draft);
        nicsByGuest.forEach((guest, nics) -> {
            if (guest.kind() == PveCluster.Kind.QEMU) {
                readable(guest, () -> vmDraft.of(guest, nics)).ifPresent(vms::add);
            } else {
                readable(guest, () -> containerDraft.of(guest, nics)).ifPresent(containers::add);
            }
            guest.pool().filter(p -> guest.kind() == PveCluster.Kind.QEMU).ifPresent(pool -> draft.unexpressed(guest,
                    "pool " + pool + ": it stays there; sitec leaves an adopted VM's pool as it is"));
        });
        clusterWide(cluster, draft);
        vms.sort(Comparator.comparing(DraftView.Vm::name));
        containers.sort(Comparator.comparing(DraftView.Container::name));
        return site(cluster, source, endpoint, draft, networks, vms, containers);
    }

    /** A guest's configuration with a value drafting cannot read, and which guest it was. */
    private static final class UnreadableGuest extends RuntimeException {
        private final transient PveCluster.Guest guest;

        UnreadableGuest(PveCluster.Guest guest, RuntimeException cause) {
            super(cause);
            this.guest = guest;
        }
    }

    private static <T> T readable(PveCluster.Guest guest, java.util.function.Supplier<T> drafting) {
        try {
            return drafting.get();
        } catch (RuntimeException e) {
            throw new UnreadableGuest(guest, e);
        }
    }

    private static DraftView site(PveCluster cluster, String source, Optional<String> endpoint, Drafting draft,
                                  NetworkPlan networks, List<DraftView.Vm> vms, List<DraftView.Container> containers) {
        Map<String, String> notes = new LinkedHashMap<>();
        PveCluster.Node first = cluster.nodes().stream().filter(n -> !n.dns().isMissingNode()).findFirst()
                .orElse(cluster.nodes().get(0));
        String domain = answer("nodes/" + first.name() + "/dns", () -> Values.text(first.dns(), "search", ""));
        if (!domain.matches("^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$")) {
            notes.put("domain", "guess: the nodes' DNS search domain (" + (domain.isEmpty() ? "none" : domain)
                    + ") is not one; give the lab's");
            domain = "home.arpa";
        }
        String timezone = first.timezone().orElse("UTC");
        if (!timezone.matches("^(?:UTC|(?:Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific)/[A-Za-z0-9_+-]+(?:/[A-Za-z0-9_+-]+)?)$")) {
            notes.put("timezone", "the nodes' time zone is " + timezone + ", which the site writes as UTC");
            timezone = "UTC";
        }
        String keyboard = answer("cluster/options", () -> Values.text(cluster.options(), "keyboard", ""));
        if (!COUNTRY_BY_KEYBOARD.containsKey(keyboard)) {
            notes.put("keyboard", "guess: the cluster sets no keyboard layout");
            keyboard = "en-us";
        }
        String country = COUNTRY_BY_KEYBOARD.get(keyboard);
        notes.put("country", "guess: from the keyboard layout");
        String email = answer("cluster/options", () -> Values.text(cluster.options(), "email_from", ""));
        if (!email.matches("^[^@\\s]+@[A-Za-z0-9.-]+$")) {
            email = "root@" + domain;
            notes.put("admin_email", "guess: give the address Proxmox should mail");
        }
        TreeSet<String> keys = new TreeSet<>();
        for (PveCluster.Guest guest : cluster.guests()) {
            String encoded = answer(guest.path() + "/config", () -> Values.text(guest.config(), "sshkeys", ""));
            if (!encoded.isEmpty()) {
                for (String line : sshKeys(guest, encoded).split("\n")) {
                    if (line.strip().matches("^(?:ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp(?:256|384|521)) [A-Za-z0-9+/]+=*(?: [^\\r\\n]*)?$")) {
                        keys.add(line.strip());
                    }
                }
            }
        }
        if (keys.isEmpty()) {
            keys.add(dev.sitec.model.Placeholders.SSH_KEY);
            notes.put("ssh_authorized_keys", "replace: no guest's cloud-init holds a key; give your public key");
        } else {
            notes.put("ssh_authorized_keys", "the keys the guests' cloud-init holds");
        }
        List<DraftView.Network> networkViews = new ArrayList<>();
        for (NetworkPlan.Planned n : networks.networks()) {
            networkViews.add(new DraftView.Network(n.name(), n.vlan().orElse(null),
                    n.bridge().equals("vmbr0") ? null : n.bridge(),
                    n.cidr().map(Object::toString).orElse(null), n.gateway().orElse(null), n.dns(), n.mtu().orElse(null),
                    n.note()));
        }
        List<DraftView.Node> nodes = new ArrayList<>();
        for (PveCluster.Node node : cluster.nodes()) {
            Map<String, String> nodeNotes = new LinkedHashMap<>();
            String address = node.address().orElse(null);
            if (address == null) {
                address = "192.0.2.1";
                nodeNotes.put("address", "replace: PVE gave no address for this node");
            }
            nodes.add(new DraftView.Node(node.name(), address, uplink(node).orElse(null),
                    draft.nodeDatastores.get(node.name()),
                    List.copyOf(draft.devices.getOrDefault(node.name(), new TreeMap<>()).values()), node.subscription(),
                    nodeNotes));
        }
        List<String> unexpressed = new ArrayList<>();
        draft.notAdopted.forEach(line -> unexpressed.add("not adopted: " + line));
        unexpressed.addAll(draft.unexpressed);
        // The site and its one cluster take the cluster's name (a lone node's, when it is in none).
        String name = Names.label(cluster.name()).isEmpty() ? "lab" : Names.label(cluster.name());
        return new DraftView(source, cluster.version(), name, domain, timezone, country, keyboard, email,
                List.copyOf(keys), notes, networkViews, List.copyOf(draft.images.values()), name, endpoint.orElse(null),
                nodes, vms, containers, unexpressed);
    }

    /** A value read from one answer, outside any guest's drafting: a wrong type in it says which answer. */
    private static <T> T answer(String path, java.util.function.Supplier<T> reading) {
        try {
            return reading.get();
        } catch (UnexpectedValue e) {
            throw e.in(path);
        }
    }

    /** cloud-init's keys, which PVE keeps URL-encoded. */
    private static String sshKeys(PveCluster.Guest guest, String encoded) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new UnexpectedValue(guest.describe() + "'s sshkeys", Shown.text(encoded), "URL-encoded public keys")
                    .in(guest.path() + "/config");
        }
    }

    /** HA resources, backup jobs and Backup Server storages: PVE keeps them; the site does not say them. */
    private static void clusterWide(PveCluster cluster, Drafting draft) {
        for (JsonNode ha : cluster.haResources()) {
            draft.unexpressed.add("HA resource " + ha.path("sid").asText() + " (state " + ha.path("state").asText("started")
                    + "): not expressed; PVE keeps it");
        }
        for (JsonNode job : cluster.backupJobs()) {
            draft.unexpressed.add("backup job " + job.path("id").asText() + " (" + job.path("schedule").asText() + " to "
                    + job.path("storage").asText() + "): not expressed; PVE keeps running it. For sitec to back up the"
                    + " pets, add the backup server under proxmox.backup_servers (and remove this job then)");
        }
        TreeSet<String> pools = new TreeSet<>();
        cluster.guests().forEach(g -> g.pool().ifPresent(pools::add));
        pools.addAll(cluster.pools());
        pools.retainAll(TerraformFamily.poolNames());
        for (String pool : pools) {
            draft.unexpressed.add("pool " + pool + " exists, and sitec's Terraform makes a pool of that name when the site"
                    + " has guests for it: adopt it first with terraform import 'proxmox_virtual_environment_pool.role[\""
                    + pool + "\"]' " + pool);
        }
        for (JsonNode storage : cluster.storages()) {
            if (storage.path("type").asText().equals("pbs")) {
                draft.unexpressed.add("storage " + storage.path("storage").asText() + " (Proxmox Backup Server "
                        + storage.path("server").asText() + "): not expressed; PVE keeps it");
            }
        }
    }

    /**
     * Storage types PVE treats as shared by every node (pve-storage src/PVE/Storage/Plugin.pm
     * {@code @SHARED_STORAGE}); any other is shared when its configuration says shared: 1.
     */
    private static final java.util.Set<String> SHARED_TYPES = java.util.Set.of("iscsi", "nfs", "cifs", "rbd", "cephfs",
            "iscsidirect", "glusterfs", "zfs", "drbd", "pbs");

    /**
     * A template VM (template: 1) becomes an image of kind template, which VMs of the site may be cloned
     * from: its VMID and node, the storage its first disk is on (written when not the node's datastore),
     * and whether that storage is shared.
     */
    private static Void templateImage(PveCluster cluster, Drafting draft, PveCluster.Guest guest) {
        String name = Names.label(guest.name());
        if (name.isEmpty()) {
            name = "template-" + guest.vmId();
        }
        if (draft.images.containsKey(name)) {
            name = name + "-" + guest.vmId();
        }
        Optional<String> storage = Optional.empty();
        var fields = guest.config().fields();
        List<String> keys = new ArrayList<>();
        fields.forEachRemaining(e -> keys.add(e.getKey()));
        keys.sort(Comparator.naturalOrder());
        for (String key : keys) {
            String value = guest.config().path(key).asText();
            if (Drives.isDisk(key, value)) {
                PropertyString p = PropertyString.parse(value);
                storage = p.bare().or(() -> p.get("volume")).flatMap(Drafting::storageOf);
                if (storage.isPresent()) {
                    break;
                }
            }
        }
        String datastore = storage.filter(s -> !s.equals(draft.nodeDatastores.get(guest.node()))).orElse(null);
        boolean shared = false;
        for (JsonNode j : cluster.storages()) {
            if (storage.isPresent() && j.path("storage").asText().equals(storage.get())) {
                shared = j.path("shared").asInt(0) == 1 || SHARED_TYPES.contains(j.path("type").asText());
            }
        }
        draft.images.put(name, new DraftView.Image(name, "template", "amd64", null,
                "template VM " + guest.vmId() + " (" + Shown.bare(guest.name()) + "): VMs with image: " + name
                        + " are cloned from it", guest.vmId(), guest.node(), datastore, shared));
        return null;
    }

    /** Each node's datastore: the storage most of its guests' disks are on, else its best images storage. */
    private static Map<String, String> nodeDatastores(PveCluster cluster) {
        Map<String, String> result = new HashMap<>();
        for (PveCluster.Node node : cluster.nodes()) {
            Map<String, Integer> counts = new TreeMap<>();
            for (PveCluster.Guest guest : cluster.guests()) {
                if (!guest.node().equals(node.name())) {
                    continue;
                }
                guest.config().properties().forEach(e -> {
                    // A VM's disks, a container's root filesystem and volumes: where its data is.
                    if (Drives.isDisk(e.getKey(), e.getValue().asText()) || e.getKey().matches("rootfs|mp\\d+")) {
                        PropertyString p = PropertyString.parse(e.getValue().asText());
                        p.bare().or(() -> p.get("volume")).flatMap(Drafting::storageOf)
                                .ifPresent(s -> counts.merge(s, 1, Integer::sum));
                    }
                });
            }
            Optional<String> most = counts.entrySet().stream()
                    .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                    .map(Map.Entry::getKey);
            result.put(node.name(), most.orElseGet(() -> imagesStorage(cluster, node.name())));
        }
        return result;
    }

    private static String imagesStorage(PveCluster cluster, String node) {
        List<JsonNode> candidates = new ArrayList<>();
        for (JsonNode storage : cluster.storages()) {
            String nodes = storage.path("nodes").asText("");
            boolean onNode = nodes.isEmpty() || List.of(nodes.split(",")).contains(node);
            if (onNode && answer("storage", () -> Values.integer(storage, "disable", 0)) == 0
                    && storage.path("content").asText("").contains("images")
                    && STORAGE_PREFERENCE.contains(storage.path("type").asText())) {
                candidates.add(storage);
            }
        }
        candidates.sort(Comparator.comparingInt((JsonNode s) -> STORAGE_PREFERENCE.indexOf(s.path("type").asText()))
                .thenComparing(s -> s.path("storage").asText()));
        return candidates.isEmpty() ? "local-lvm" : candidates.get(0).path("storage").asText();
    }

    /** The physical port under the node's management bridge, when it is one NIC (not a bond or VLAN). */
    private static Optional<String> uplink(PveCluster.Node node) {
        for (JsonNode iface : node.network()) {
            if ("bridge".equals(iface.path("type").asText()) && iface.hasNonNull("cidr") && node.address().isPresent()
                    && iface.path("cidr").asText().startsWith(node.address().get() + "/")) {
                String ports = iface.path("bridge_ports").asText("");
                return ports.matches("^[A-Za-z][A-Za-z0-9_]{1,14}$") ? Optional.of(ports) : Optional.empty();
            }
        }
        return Optional.empty();
    }
}
