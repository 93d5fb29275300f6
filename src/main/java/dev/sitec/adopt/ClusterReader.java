package dev.sitec.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a cluster through the API, GET requests only, in a fixed order (so saved responses and a
 * live cluster are read alike): the version and the token's privileges first, so that a cluster
 * sitec does not know or a token that sees too little stops the import before it writes anything.
 */
final class ClusterReader {

    /** The PVE majors whose API shapes import was written and tested against. */
    static final List<Integer> KNOWN_MAJORS = List.of(8, 9);

    private static final Pattern VERSION = Pattern.compile("^(\\d{1,9})\\.(\\d+)");
    /** A node's name, as PVE allows it (pve-common's pve-node format, a host name): it is part of paths. */
    private static final Pattern NODE_NAME = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

    private final PveApi api;

    ClusterReader(PveApi api) {
        this.api = api;
    }

    PveCluster read() throws PveApiException {
        String version = checkVersion(api.get("version"));
        checkPrivileges(api.get("access/permissions"));
        JsonNode status = api.get("cluster/status");
        JsonNode resources = api.get("cluster/resources");
        TreeSet<String> nodeNames = new TreeSet<>();
        List<String> offline = new ArrayList<>();
        String clusterName = null;
        try {
            for (JsonNode entry : resources) {
                if ("node".equals(Values.text(entry, "type", ""))) {
                    nodeNames.add(nodeName(entry));
                    if (!"online".equals(Values.text(entry, "status", "online"))) {
                        offline.add(nodeName(entry));
                    }
                }
            }
        } catch (UnexpectedValue e) {
            throw e.located("", api, "cluster/resources");
        }
        if (nodeNames.isEmpty()) {
            throw new PveApiException(api.source() + " lists no nodes in /cluster/resources",
                    "check that the token sees the nodes (Sys.Audit on /nodes)");
        }
        try {
            for (JsonNode entry : status) {
                if ("cluster".equals(Values.text(entry, "type", ""))) {
                    clusterName = Values.text(entry, "name", "");
                }
            }
        } catch (UnexpectedValue e) {
            throw e.located("", api, "cluster/status");
        }
        List<String> unread = new ArrayList<>();
        List<PveCluster.Guest> guests = guests(resources, offline, unread);
        List<PveCluster.Node> nodes = new ArrayList<>();
        for (String name : nodeNames) {
            nodes.add(node(name, offline.contains(name), status, resources, guests));
        }
        return new PveCluster(version, clusterName == null ? nodeNames.first() : clusterName, List.copyOf(nodes),
                api.get("storage"), guests, orEmpty("cluster/mapping/pci"), orEmpty("cluster/mapping/usb"),
                orEmpty("cluster/ha/resources"), orEmpty("cluster/backup"),
                api.find("cluster/options").orElse(MissingNode.getInstance()), List.copyOf(unread),
                answer("cluster/resources", () -> pools(resources)));
    }

    /** A node and its own answers; an offline node answers none (the API proxies a node's paths to it). */
    private PveCluster.Node node(String name, boolean offline, JsonNode status, JsonNode resources,
                                 List<PveCluster.Guest> guests) throws PveApiException {
        Optional<String> address = answer("cluster/status", () -> nodeAddress(status, name));
        int cpus = answer("cluster/resources", () -> cpus(resources, name));
        if (offline) {
            return new PveCluster.Node(name, address, MissingNode.getInstance(), MissingNode.getInstance(), Optional.empty(),
                    cpus, MissingNode.getInstance(), false);
        }
        boolean rawPci = guests.stream().anyMatch(g -> g.node().equals(name) && g.config().properties().stream()
                .anyMatch(e -> e.getKey().startsWith("hostpci") && !e.getValue().asText().startsWith("mapping=")));
        String base = "nodes/" + name;
        JsonNode network = api.get(base + "/network");
        JsonNode dns = api.find(base + "/dns").orElse(MissingNode.getInstance());
        Optional<JsonNode> time = api.find(base + "/time");
        JsonNode pci = rawPci ? api.get(base + "/hardware/pci") : MissingNode.getInstance();
        Optional<JsonNode> subscription = api.find(base + "/subscription");
        return new PveCluster.Node(name, address, network, dns,
                answer(base + "/time", () -> time.map(t -> Values.text(t, "timezone", "")).filter(t -> !t.isEmpty())),
                cpus, pci, answer(base + "/subscription", () -> subscription.map(s -> "active".equals(Values.text(s,
                        "status", ""))).orElse(false)));
    }

    /** A value read from one answer: a value of the wrong type in it is an error that names it. */
    private <T> T answer(String path, java.util.function.Supplier<T> reading) throws PveApiException {
        try {
            return reading.get();
        } catch (UnexpectedValue e) {
            throw e.located("", api, path);
        }
    }

    /** The node an entry of /cluster/resources names, refused unless it is a node name PVE allows. */
    private String nodeName(JsonNode entry) {
        JsonNode node = entry.path("node");
        if (!node.isTextual() || !NODE_NAME.matcher(node.textValue()).matches()) {
            throw new UnexpectedValue("a node's name", Shown.value(node), "a node name PVE allows (letters, digits and"
                    + " '-', at most 63): import reads each node's answers by its name, and refuses this one");
        }
        return node.textValue();
    }

    private String checkVersion(JsonNode version) throws PveApiException {
        String text = answer("version", () -> Values.text(version, "version", ""));
        Matcher m = VERSION.matcher(text);
        if (!m.find()) {
            throw new PveApiException(api.source() + " gave no Proxmox VE version (GET /version said "
                    + Shown.value(version) + ")", "give --api the address of a Proxmox VE node, e.g. https://pve1:8006");
        }
        int major = Integer.parseInt(m.group(1));
        if (!KNOWN_MAJORS.contains(major)) {
            throw new PveApiException("Proxmox VE " + Shown.bare(text) + " is not a version sitec import knows: it reads"
                    + " PVE 8 and 9, whose API answers it was tested against", major < 8
                    ? "upgrade the cluster to PVE 8 first (pve7to8), or describe it by hand"
                    : "use a sitec that knows PVE " + major + ", or describe the cluster by hand");
        }
        return text;
    }

    private void checkPrivileges(JsonNode permissions) throws PveApiException {
        List<Privileges.Needed> missing = Privileges.missing(permissions);
        if (!missing.isEmpty()) {
            Privileges.Needed first = missing.get(0);
            StringBuilder all = new StringBuilder();
            for (Privileges.Needed needed : missing) {
                all.append(all.isEmpty() ? "" : ", ").append(needed.privilege()).append(" on ").append(needed.aclPath());
            }
            throw new PveApiException("the token lacks " + all + ": without " + first.privilege() + " PVE hides "
                    + first.purpose() + ", and import would write a lab without them", Privileges.GRANT_HINT);
        }
    }

    /** The guests, by VMID; those on an offline node cannot be read (their configuration lives there). */
    private List<PveCluster.Guest> guests(JsonNode resources, List<String> offline, List<String> unread)
            throws PveApiException {
        TreeMap<Integer, JsonNode> entries = new TreeMap<>();
        try {
            for (JsonNode entry : resources) {
                String type = Values.text(entry, "type", "");
                if ((type.equals("qemu") || type.equals("lxc")) && entries.put(vmId(entry), entry) != null) {
                    throw new UnexpectedValue("the vmid " + vmId(entry), "listed twice", "once: a VMID is one guest's");
                }
            }
        } catch (UnexpectedValue e) {
            throw e.located("", api, "cluster/resources");
        }
        List<PveCluster.Guest> guests = new ArrayList<>();
        for (var byId : entries.entrySet()) {
            JsonNode entry = byId.getValue();
            int vmId = byId.getKey();
            String type = entry.path("type").textValue();
            PveCluster.Kind kind = type.equals("qemu") ? PveCluster.Kind.QEMU : PveCluster.Kind.LXC;
            String node = answer("cluster/resources", () -> nodeName(entry));
            String listedName = answer("cluster/resources", () -> Values.text(entry, "name", ""));
            if (offline.contains(node)) {
                unread.add((kind == PveCluster.Kind.QEMU ? "VM " : "container ") + vmId + " (" + listedName + "): its node "
                        + node + " is offline, so its configuration cannot be read; import again once it is up");
                continue;
            }
            String base = "nodes/" + node + "/" + type + "/" + vmId;
            JsonNode config = api.get(base + "/config");
            boolean running = "running".equals(answer("cluster/resources", () -> Values.text(entry, "status", "")));
            String what = (kind == PveCluster.Kind.QEMU ? "VM " : "container ") + vmId + ": ";
            String name;
            boolean agentOn;
            try {
                name = listedName.isEmpty() ? Values.text(config, "name", "") : listedName;
                agentOn = kind == PveCluster.Kind.QEMU && agentEnabled(config);
            } catch (UnexpectedValue e) {
                throw e.located(what, api, base + "/config");
            }
            Optional<JsonNode> agent = Optional.empty();
            if (running && agentOn) {
                agent = findAgent(base + "/agent/network-get-interfaces").map(a -> a.path("result"));
            }
            Optional<String> pool = Optional.of(answer("cluster/resources", () -> Values.text(entry, "pool", "")))
                    .filter(p -> !p.isEmpty());
            boolean template = answer("cluster/resources", () -> Values.integer(entry, "template", 0)) == 1;
            guests.add(new PveCluster.Guest(kind, vmId, node, name, pool, template, running, config, agent));
        }
        return List.copyOf(guests);
    }

    /** A guest's VMID, as PVE allows it (100 to 999999999): it is part of paths. */
    private static int vmId(JsonNode entry) {
        int vmId = Values.integer(entry, "vmid", -1);
        if (vmId < 100 || vmId > 999_999_999) {
            throw new UnexpectedValue("a guest's vmid", Shown.value(entry.path("vmid")), "a VMID (100 to 999999999)");
        }
        return vmId;
    }

    /** The agent's answer, or none when the token may not ask it: addresses are then guessed, not fatal. */
    private Optional<JsonNode> findAgent(String path) throws PveApiException {
        try {
            return api.find(path);
        } catch (PveApiException e) {
            if (e.isRefusal()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    static boolean agentEnabled(JsonNode config) {
        String agent = Values.text(config, "agent", "0");
        PropertyString p = PropertyString.parse(agent);
        return p.bare().map("1"::equals).orElse(false) || p.flag("enabled");
    }

    private JsonNode orEmpty(String path) throws PveApiException {
        return api.find(path).orElse(MissingNode.getInstance());
    }

    private static Optional<String> nodeAddress(JsonNode status, String node) {
        for (JsonNode entry : status) {
            if ("node".equals(Values.text(entry, "type", "")) && node.equals(Values.text(entry, "name", ""))
                    && entry.hasNonNull("ip")) {
                return Optional.of(Values.ipv4("ip", Values.text(entry, "ip", "")).toString());
            }
        }
        return Optional.empty();
    }

    /** The resource pools, as /cluster/resources lists them (type pool, PVE 8.1 on). */
    private static List<String> pools(JsonNode resources) {
        List<String> pools = new ArrayList<>();
        for (JsonNode entry : resources) {
            if ("pool".equals(Values.text(entry, "type", ""))) {
                pools.add(Values.text(entry, "pool", ""));
            }
        }
        pools.sort(Comparator.naturalOrder());
        return List.copyOf(pools);
    }

    private static int cpus(JsonNode resources, String node) {
        for (JsonNode entry : resources) {
            if ("node".equals(Values.text(entry, "type", "")) && node.equals(Values.text(entry, "node", ""))) {
                return Values.integer(entry, "maxcpu", 1);
            }
        }
        return 1;
    }
}
