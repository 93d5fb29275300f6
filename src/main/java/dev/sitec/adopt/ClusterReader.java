package dev.sitec.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
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
        List<String> nodeNames = new ArrayList<>();
        List<String> offline = new ArrayList<>();
        for (JsonNode entry : resources) {
            if ("node".equals(entry.path("type").asText())) {
                nodeNames.add(nodeName(entry));
                if (!"online".equals(entry.path("status").asText("online"))) {
                    offline.add(entry.path("node").asText());
                }
            }
        }
        nodeNames.sort(Comparator.naturalOrder());
        if (nodeNames.isEmpty()) {
            throw new PveApiException(api.source() + " lists no nodes in /cluster/resources",
                    "check that the token sees the nodes (Sys.Audit on /nodes)");
        }
        String clusterName = null;
        for (JsonNode entry : status) {
            if ("cluster".equals(entry.path("type").asText())) {
                clusterName = entry.path("name").asText();
            }
        }
        List<String> unread = new ArrayList<>();
        List<PveCluster.Guest> guests = guests(resources, offline, unread);
        List<PveCluster.Node> nodes = new ArrayList<>();
        for (String name : nodeNames) {
            if (offline.contains(name)) {
                // The API proxies a node's own paths to it: an offline node answers none of them.
                nodes.add(new PveCluster.Node(name, nodeAddress(status, name), MissingNode.getInstance(),
                        MissingNode.getInstance(), Optional.empty(), cpus(resources, name), MissingNode.getInstance(),
                        false));
                continue;
            }
            boolean rawPci = guests.stream().anyMatch(g -> g.node().equals(name) && g.config().properties().stream()
                    .anyMatch(e -> e.getKey().startsWith("hostpci") && !e.getValue().asText().startsWith("mapping=")));
            nodes.add(new PveCluster.Node(name, nodeAddress(status, name), api.get("nodes/" + name + "/network"),
                    api.find("nodes/" + name + "/dns").orElse(MissingNode.getInstance()),
                    api.find("nodes/" + name + "/time").map(t -> t.path("timezone").asText()).filter(t -> !t.isEmpty()),
                    cpus(resources, name),
                    rawPci ? api.get("nodes/" + name + "/hardware/pci") : MissingNode.getInstance(),
                    api.find("nodes/" + name + "/subscription").map(s -> "active".equals(s.path("status").asText()))
                            .orElse(false)));
        }
        return new PveCluster(version, clusterName == null ? nodeNames.get(0) : clusterName, List.copyOf(nodes),
                api.get("storage"), guests, orEmpty("cluster/mapping/pci"), orEmpty("cluster/mapping/usb"),
                orEmpty("cluster/ha/resources"), orEmpty("cluster/backup"),
                api.find("cluster/options").orElse(MissingNode.getInstance()), List.copyOf(unread), pools(resources));
    }

    /** The node an entry of /cluster/resources names, refused unless it is a node name PVE allows. */
    private String nodeName(JsonNode entry) throws PveApiException {
        JsonNode node = entry.path("node");
        if (!node.isTextual() || !NODE_NAME.matcher(node.textValue()).matches()) {
            throw new PveApiException(api.where("cluster/resources") + " names a node " + Shown.value(node) + ", which is"
                    + " not a node name PVE allows (letters, digits and '-', at most 63): import reads each node's"
                    + " answers by its name, and refuses this one", "if these are saved responses, save them again"
                    + " with --record; if PVE gave it, report it");
        }
        return node.textValue();
    }

    private String checkVersion(JsonNode version) throws PveApiException {
        String text = version.path("version").asText();
        Matcher m = VERSION.matcher(text);
        if (!m.find()) {
            throw new PveApiException(api.source() + " gave no Proxmox VE version (GET /version said "
                    + version + ")", "give --api the address of a Proxmox VE node, e.g. https://pve1:8006");
        }
        int major = Integer.parseInt(m.group(1));
        if (!KNOWN_MAJORS.contains(major)) {
            throw new PveApiException("Proxmox VE " + text + " is not a version sitec import knows: it reads PVE 8 and 9,"
                    + " whose API answers it was tested against", major < 8
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
        List<JsonNode> entries = new ArrayList<>();
        for (JsonNode entry : resources) {
            String type = entry.path("type").asText();
            if (type.equals("qemu") || type.equals("lxc")) {
                entries.add(entry);
            }
        }
        entries.sort(Comparator.comparingInt(e -> e.path("vmid").asInt()));
        List<PveCluster.Guest> guests = new ArrayList<>();
        for (JsonNode entry : entries) {
            PveCluster.Kind kind = entry.path("type").asText().equals("qemu") ? PveCluster.Kind.QEMU : PveCluster.Kind.LXC;
            int vmId = entry.path("vmid").asInt();
            String node = nodeName(entry);
            if (offline.contains(node)) {
                unread.add((kind == PveCluster.Kind.QEMU ? "VM " : "container ") + vmId + " (" + entry.path("name").asText() + "): its node " + node + " is offline, so"
                        + " its configuration cannot be read; import again once it is up");
                continue;
            }
            String base = "nodes/" + node + "/" + entry.path("type").asText() + "/" + vmId;
            JsonNode config = api.get(base + "/config");
            boolean running = "running".equals(entry.path("status").asText());
            Optional<JsonNode> agent = Optional.empty();
            if (kind == PveCluster.Kind.QEMU && running && agentEnabled(config)) {
                agent = findAgent(base + "/agent/network-get-interfaces").map(a -> a.path("result"));
            }
            guests.add(new PveCluster.Guest(kind, vmId, node, entry.path("name").asText(config.path("name").asText()),
                    Optional.ofNullable(entry.get("pool")).map(JsonNode::asText).filter(p -> !p.isEmpty()),
                    entry.path("template").asInt(0) == 1, running, config, agent));
        }
        return List.copyOf(guests);
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
        String agent = config.path("agent").asText("0");
        PropertyString p = PropertyString.parse(agent);
        return p.bare().map("1"::equals).orElse(false) || p.flag("enabled");
    }

    private JsonNode orEmpty(String path) throws PveApiException {
        return api.find(path).orElse(MissingNode.getInstance());
    }

    private static Optional<String> nodeAddress(JsonNode status, String node) {
        for (JsonNode entry : status) {
            if ("node".equals(entry.path("type").asText()) && node.equals(entry.path("name").asText())
                    && entry.hasNonNull("ip")) {
                return Optional.of(entry.path("ip").asText());
            }
        }
        return Optional.empty();
    }

    /** The resource pools, as /cluster/resources lists them (type pool, PVE 8.1 on). */
    private static List<String> pools(JsonNode resources) {
        List<String> pools = new ArrayList<>();
        for (JsonNode entry : resources) {
            if ("pool".equals(entry.path("type").asText())) {
                pools.add(entry.path("pool").asText());
            }
        }
        pools.sort(Comparator.naturalOrder());
        return List.copyOf(pools);
    }

    private static int cpus(JsonNode resources, String node) {
        for (JsonNode entry : resources) {
            if ("node".equals(entry.path("type").asText()) && node.equals(entry.path("node").asText())) {
                return entry.path("maxcpu").asInt(1);
            }
        }
        return 1;
    }
}
