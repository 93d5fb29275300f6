package dev.sitec.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitec.model.Ipv4;
import dev.sitec.model.Ipv4Cidr;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The site's networks, from the nodes' bridges and what the guests are attached to: one untagged
 * network per bridge (the one holding the nodes' addresses is "lan"), one tagged network per VLAN
 * tag in use ("vlanN"). A CIDR comes from a node's address on it, else from a guest's static address
 * (a guess, said so), else there is none and every address on it must be DHCP.
 */
final class NetworkPlan {

    /** A network and how import found it. */
    record Planned(String name, Optional<Integer> vlan, String bridge, Optional<Ipv4Cidr> cidr, Optional<String> gateway,
                   List<String> dns, Optional<Integer> mtu, String note) {
    }

    private final Map<String, Planned> byKey = new LinkedHashMap<>();
    private final List<String> unexpressed = new ArrayList<>();

    NetworkPlan(PveCluster cluster, List<NicFact> nics) {
        check(cluster);
        String management = managementBridge(cluster);
        Map<String, JsonNode> bridges = bridges(cluster);
        TreeSet<String> untagged = new TreeSet<>();
        untagged.add(management);
        TreeMap<Integer, String> tagged = new TreeMap<>();
        for (NicFact nic : nics) {
            if (nic.tag().isPresent()) {
                String first = tagged.putIfAbsent(nic.tag().get(), nic.bridge());
                if (first != null && !first.equals(nic.bridge())) {
                    unexpressed.add(nic.guest().describe() + " net" + nic.index() + ": VLAN " + nic.tag().get() + " on "
                            + nic.bridge() + " as well as on " + first + "; sitec carries a VLAN on one bridge, so this NIC"
                            + " moves to " + first);
                }
            } else {
                untagged.add(nic.bridge());
            }
        }
        String vlanBridge = tagged.values().stream().findFirst().orElse(management);
        Set<String> names = new HashSet<>(List.of("lan"));
        tagged.keySet().forEach(tag -> names.add("vlan" + tag));
        for (String bridge : untagged) {
            JsonNode iface = bridges.get(bridge);
            Optional<Ipv4Cidr> cidr = Optional.empty();
            Optional<String> gateway = Optional.empty();
            String note = null;
            if (iface != null && iface.hasNonNull("cidr")) {
                cidr = Optional.of(network(Values.cidr("cidr", iface.path("cidr").asText())));
                gateway = Optional.of(Values.text(iface, "gateway", "")).filter(g -> !g.isEmpty());
            } else {
                cidr = fromGuests(nics, bridge, Optional.empty());
                gateway = gatewayFromGuests(nics, bridge, Optional.empty());
                note = cidr.isPresent() ? "guess: the CIDR of a guest's address on it" : null;
            }
            Optional<Integer> mtu = iface == null ? Optional.empty()
                    : Values.optionalInteger(iface, "mtu").filter(m -> m != 1500);
            List<String> dns = bridge.equals(management) ? dns(cluster) : List.of();
            String name = bridge.equals(management) ? "lan" : name(bridge, names);
            byKey.put(key(bridge, Optional.empty()), new Planned(name, Optional.empty(), bridge, cidr, gateway, dns, mtu, note));
        }
        for (var entry : tagged.entrySet()) {
            Optional<Integer> tag = Optional.of(entry.getKey());
            Optional<Ipv4Cidr> own = vlanInterface(cluster, entry.getKey());
            Optional<Ipv4Cidr> cidr = own.isPresent() ? own : fromGuests(nics, null, tag);
            String note = own.isEmpty() && cidr.isPresent() ? "guess: the CIDR of a guest's address on it" : null;
            Optional<String> gateway = gatewayFromGuests(nics, null, tag)
                    .filter(g -> cidr.map(c -> c.contains(Ipv4.parse(g))).orElse(false));
            Planned planned = new Planned("vlan" + entry.getKey(), tag, vlanBridge, cidr, gateway, List.of(),
                    Optional.empty(), note);
            for (NicFact nic : nics) {
                if (nic.tag().equals(tag)) {
                    byKey.put(key(nic.bridge(), tag), planned);
                }
            }
            byKey.putIfAbsent(key(vlanBridge, tag), planned);
        }
    }

    Planned of(NicFact nic) {
        return byKey.get(key(nic.bridge(), nic.tag()));
    }

    /**
     * Each node's interfaces have values of the types PVE gives them, so the plan can read them plainly;
     * else an error that names the interface, the key and the node's answer.
     */
    private static void check(PveCluster cluster) {
        for (PveCluster.Node node : cluster.nodes()) {
            try {
                for (JsonNode iface : node.network()) {
                    String name = Shown.bare(Values.text(iface, "iface", "")) + "'s ";
                    Values.text(iface, "type", "");
                    if (iface.hasNonNull("cidr")) {
                        Values.cidr(name + "cidr", Values.text(iface, "cidr", ""));
                    }
                    if (iface.hasNonNull("gateway")) {
                        Values.ipv4(name + "gateway", Values.text(iface, "gateway", ""));
                    }
                    Values.text(iface, "bridge_ports", "");
                    Values.integer(iface, "mtu", 1500);
                    Values.integer(iface, "vlan-id", -1);
                }
            } catch (UnexpectedValue e) {
                throw e.in("nodes/" + node.name() + "/network");
            }
        }
    }

    /** The networks, untagged first, each once. */
    List<Planned> networks() {
        return byKey.values().stream().distinct().toList();
    }

    List<String> unexpressed() {
        return List.copyOf(unexpressed);
    }

    /**
     * A network's name for a bridge: the bridge's, as a site name (vmbr1), else bridge-N. PVE allows
     * bridge names a site's key cannot be, and two that differ in case only.
     */
    private static String name(String bridge, Set<String> names) {
        String name = Names.label(bridge);
        for (int n = 1; name.isEmpty() || !names.add(name); n++) {
            name = "bridge-" + n;
        }
        return name;
    }

    private static String key(String bridge, Optional<Integer> tag) {
        return bridge + "/" + tag.map(String::valueOf).orElse("");
    }

    /** The bridge that holds the first node's cluster address (vmbr0 when none says). */
    private static String managementBridge(PveCluster cluster) {
        for (PveCluster.Node node : cluster.nodes()) {
            for (JsonNode iface : node.network()) {
                if (iface.hasNonNull("cidr") && node.address().isPresent() && "bridge".equals(iface.path("type").asText())
                        && Values.cidr("cidr", iface.path("cidr").asText()).address().toString().equals(node.address().get())) {
                    return iface.path("iface").asText();
                }
            }
        }
        return "vmbr0";
    }

    /** Each bridge by name, as the first node (by name) that has it configures it. */
    private static Map<String, JsonNode> bridges(PveCluster cluster) {
        Map<String, JsonNode> bridges = new TreeMap<>();
        for (PveCluster.Node node : cluster.nodes()) {
            for (JsonNode iface : node.network()) {
                if ("bridge".equals(iface.path("type").asText())) {
                    bridges.putIfAbsent(iface.path("iface").asText(), iface);
                }
            }
        }
        return bridges;
    }

    /** A node's own address on the VLAN (vmbr0.40, or a vlan interface with vlan-id 40). */
    private static Optional<Ipv4Cidr> vlanInterface(PveCluster cluster, int tag) {
        for (PveCluster.Node node : cluster.nodes()) {
            for (JsonNode iface : node.network()) {
                String name = iface.path("iface").asText();
                boolean onTag = name.endsWith("." + tag) || Values.integer(iface, "vlan-id", -1) == tag;
                if (onTag && iface.hasNonNull("cidr")) {
                    return Optional.of(network(Values.cidr("cidr", iface.path("cidr").asText())));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Ipv4Cidr> fromGuests(List<NicFact> nics, String bridge, Optional<Integer> tag) {
        return nics.stream().filter(n -> n.tag().equals(tag) && (bridge == null || n.bridge().equals(bridge)))
                .flatMap(n -> n.address().stream()).map(NetworkPlan::network).findFirst();
    }

    private static Optional<String> gatewayFromGuests(List<NicFact> nics, String bridge, Optional<Integer> tag) {
        return nics.stream().filter(n -> n.tag().equals(tag) && (bridge == null || n.bridge().equals(bridge)))
                .flatMap(n -> n.gateway().stream()).findFirst();
    }

    private static Ipv4Cidr network(Ipv4Cidr address) {
        return new Ipv4Cidr(address.network(), address.prefix());
    }

    private static List<String> dns(PveCluster cluster) {
        List<String> dns = new ArrayList<>();
        for (PveCluster.Node answered : cluster.nodes()) {
            JsonNode node = answered.dns();
            if (node.isMissingNode()) {
                continue;
            }
            for (String key : List.of("dns1", "dns2", "dns3")) {
                if (node.hasNonNull(key) && node.path(key).asText().matches("\\d+\\.\\d+\\.\\d+\\.\\d+")) {
                    dns.add(node.path(key).asText());
                }
            }
            break;
        }
        return dns;
    }
}
