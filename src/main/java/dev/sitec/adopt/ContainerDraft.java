package dev.sitec.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * One container as the site says it: node, VMID, root disk storage and privilege (ForceNew in the
 * provider) as they are. PVE keeps no record of the template a container came from, so its
 * template is a guess by its OS type, read only if the container is ever built again.
 */
final class ContainerDraft {

    private static final Set<String> HANDLED = Set.of("hostname", "arch", "cores", "memory", "swap", "rootfs",
            "unprivileged", "features", "ostype", "onboot", "startup", "tags", "description", "digest", "nameserver",
            "searchdomain", "lock", "protection", "cmode", "tty", "console");
    private static final Set<String> FEATURES = Set.of("nesting", "keyctl", "fuse");

    /** Proxmox's standard templates, by OS type, for the PVE major they come with (pveam available). */
    private static final Map<String, String> TEMPLATES_8 = Map.of(
            "debian", "debian-12-standard_12.7-1_amd64.tar.zst",
            "ubuntu", "ubuntu-24.04-standard_24.04-2_amd64.tar.zst",
            "alpine", "alpine-3.21-default_20241217_amd64.tar.xz");
    private static final Map<String, String> TEMPLATES_9 = Map.of(
            "debian", "debian-13-standard_13.1-2_amd64.tar.zst",
            "ubuntu", "ubuntu-24.04-standard_24.04-2_amd64.tar.zst",
            "alpine", "alpine-3.22-default_20250617_amd64.tar.xz");

    private final Drafting draft;

    ContainerDraft(Drafting draft) {
        this.draft = draft;
    }

    Optional<DraftView.Container> of(PveCluster.Guest ct, List<NicFact> nics) {
        JsonNode config = ct.config();
        List<DraftView.Mount> mounts = new ArrayList<>();
        Optional<String> refusal = mounts(ct, mounts);
        if (refusal.isPresent()) {
            draft.notAdopted.add(ct.describe() + ": " + refusal.get());
            return Optional.empty();
        }
        Map<String, String> notes = new LinkedHashMap<>();
        String hostname = Values.text(config, "hostname", ct.name());
        String name = draft.names.claim(hostname, "ct-" + ct.vmId(), ct.vmId());
        if (!name.equals(hostname)) {
            notes.put("name", "PVE names it " + hostname);
        }
        notes.put("lifecycle", "guess: pet (protected, backed up) until you say it can be rebuilt");
        String template = template(ct);
        notes.put("template", "guess: PVE keeps no record of the template; this one is read only if it is built again");
        int cores;
        if (config.hasNonNull("cores")) {
            cores = Values.integer(config, "cores", 1);
        } else {
            cores = draft.cluster.node(ct.node()).map(PveCluster.Node::cpus).orElse(1);
            notes.put("cores", "guess: PVE lets it use all " + cores + " of the node's cores; the site needs a number");
        }
        String nodeStore = draft.nodeDatastores.get(ct.node());
        PropertyString rootfs = PropertyString.of(config, "rootfs");
        Sizes.Gib size = rootfs.get("size").flatMap(Sizes::gib).orElse(new Sizes.Gib(8, false));
        if (size.rounded()) {
            notes.put("disk", "PVE has " + rootfs.get("size").get() + "; the provider counts whole GiB");
        }
        String store = rootfs.bare().flatMap(Drafting::storageOf).orElse(nodeStore);
        List<String> features = new ArrayList<>();
        PropertyString.of(config, "features").values().forEach((key, value) -> {
            if (FEATURES.contains(key) && value.equals("1")) {
                features.add(key);
            } else if (!value.equals("0")) {
                draft.unexpressed(ct, "feature " + key + "=" + value + " is not expressed");
            }
        });
        features.sort(null);
        List<String> devices = new ArrayList<>();
        new TreeMap<>(fields(config, "dev\\d+")).forEach((key, value) -> {
            PropertyString dev = PropertyString.parse(key, value);
            String path = dev.bare().or(() -> dev.get("path")).orElse("");
            devices.add(path);
            if (dev.values().keySet().stream().anyMatch(k -> !k.equals("path"))) {
                draft.unexpressed(ct, key + " " + value + ": its options are not expressed; Ansible sets " + key + " to "
                        + path);
            }
        });
        List<String> tags = DraftTags.of(draft, ct, DraftTags.own(java.util.Set.of()));
        config.properties().forEach(e -> {
            if (e.getKey().equals("lxc")) {
                draft.unexpressed(ct, "its raw lxc.* keys are not expressed; PVE keeps them (the provider does not read"
                        + " them)");
            } else if (!HANDLED.contains(e.getKey()) && !e.getKey().matches("(net|mp|dev|unused)\\d+")) {
                draft.unexpressed(ct, e.getKey() + "=" + e.getValue().asText() + " is not expressed; see what the first"
                        + " plan does with it");
            }
        });
        String description = Values.text(config, "description", "").strip();
        return Optional.of(new DraftView.Container(name, ct.node(), ct.vmId(), template, notes, cores,
                Values.integer(config, "memory", 512), Values.integer(config, "swap", 512), size.value(),
                store.equals(nodeStore) ? null : store, GuestNics.views(draft, ct, nics),
                Values.integer(config, "unprivileged", 0) == 1 ? null : Boolean.FALSE, features, mounts, devices, tags,
                Values.integer(config, "onboot", 0) == 1 ? null : Boolean.FALSE, GuestNics.startup(draft, ct),
                description.isEmpty() ? null : description));
    }

    /**
     * The mount points, in slot order. sitec gives volumes the first mpN slots and bind mounts the
     * next (Ansible sets those by slot), so a container whose slots are in another order would have
     * Ansible overwrite a mount point: it is not adopted, and the fix is said.
     */
    private Optional<String> mounts(PveCluster.Guest ct, List<DraftView.Mount> mounts) {
        TreeMap<Integer, String> slots = new TreeMap<>();
        fields(ct.config(), "mp\\d{1,3}").forEach((key, value) -> slots.put(Integer.parseInt(key.substring(2)), value));
        boolean bindSeen = false;
        int expected = 0;
        for (var entry : slots.entrySet()) {
            PropertyString mp = PropertyString.parse("mp" + entry.getKey(), entry.getValue());
            String volume = mp.bare().or(() -> mp.get("volume")).orElse("");
            String path = mp.get("mp").orElse("");
            if (!path.matches("^(?:/(?!\\.{1,2}(?:/|$))[A-Za-z0-9._ -]+)+$")) {
                return Optional.of("mp" + entry.getKey() + " is mounted at " + path + ", a path the site cannot hold");
            }
            if (entry.getKey() != expected++) {
                return Optional.of("its mount points skip mp" + (expected - 1) + "; sitec numbers them from mp0 without gaps"
                        + " (renumber them with pct set, then import again)");
            }
            boolean bind = volume.startsWith("/");
            if (!bind && bindSeen) {
                return Optional.of("a volume (mp" + entry.getKey() + ") follows a bind mount; sitec puts volumes first and"
                        + " bind mounts after them (renumber them with pct set, then import again)");
            }
            bindSeen |= bind;
            if (bind) {
                mounts.add(new DraftView.Mount(path, volume, null, null));
            } else {
                Sizes.Gib size = mp.get("size").flatMap(Sizes::gib).orElse(new Sizes.Gib(1, false));
                mounts.add(new DraftView.Mount(path, null, Drafting.storageOf(volume).orElse("local"), size.value()));
            }
        }
        return Optional.empty();
    }

    /** The template image's name, recording the guessed template once. */
    private String template(PveCluster.Guest ct) {
        String os = Values.text(ct.config(), "ostype", "debian");
        String arch = Values.text(ct.config(), "arch", "amd64");
        Map<String, String> templates = draft.cluster.version().startsWith("8") ? TEMPLATES_8 : TEMPLATES_9;
        String file = templates.getOrDefault(os, templates.get("debian"));
        if (!arch.equals("amd64")) {
            draft.unexpressed(ct, "arch " + arch + ": Proxmox publishes amd64 templates only; give its template by hand");
        }
        // debian-12-standard_12.7-1_amd64.tar.zst is debian-12-lxc: the distribution and its release.
        String name = Names.label(file.substring(0, file.indexOf('-', file.indexOf('-') + 1)).replace('.', '-') + "-lxc");
        draft.images.putIfAbsent(name, new DraftView.Image(name, "lxc", "amd64",
                "https://download.proxmox.com/images/system/" + file, null));
        if (!templates.containsKey(os)) {
            draft.unexpressed(ct, "ostype " + os + " has no standard template sitec knows; it gets " + file);
        }
        return name;
    }

    private static Map<String, String> fields(JsonNode config, String pattern) {
        Map<String, String> fields = new TreeMap<>();
        config.properties().forEach(e -> {
            if (e.getKey().matches(pattern)) {
                fields.put(e.getKey(), Values.text(config, e.getKey(), ""));
            }
        });
        return fields;
    }
}
