package dev.sitec.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitec.model.Ipv4Cidr;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * One NIC of a guest as PVE has it, with the address import found for it and where it came from:
 * a VM's cloud-init ipconfigN, a container's ip=, or a VM's guest agent.
 */
record NicFact(PveCluster.Guest guest, int index, String bridge, Optional<Integer> tag, String mac, String model,
               Optional<Integer> mtu, boolean firewall, Optional<Ipv4Cidr> address, Optional<String> gateway,
               Source source) {

    enum Source {
        /** The address PVE hands the guest: cloud-init's ipconfigN, or a container's ip=. */
        CONFIG,
        /** What the guest agent reports now. */
        AGENT,
        /** DHCP, as the configuration says. */
        DHCP,
        /** Nothing says: no cloud-init, no agent answer, or ip=manual. */
        UNKNOWN
    }

    private static final Set<String> VM_MODELS = Set.of("virtio", "e1000", "e1000e", "rtl8139", "vmxnet3",
            "e1000-82540em", "e1000-82544gc", "e1000-82545em", "i82551", "i82557b", "i82559er", "ne2k_isa", "ne2k_pci",
            "pcnet");

    static List<NicFact> of(PveCluster.Guest guest) {
        TreeMap<Integer, PropertyString> nets = new TreeMap<>();
        guest.config().properties().forEach(e -> {
            if (e.getKey().matches("net\\d{1,3}")) { // PVE has net0 to net31
                nets.put(Integer.parseInt(e.getKey().substring(3)), PropertyString.of(guest.config(), e.getKey()));
            }
        });
        boolean cloudInit = guest.kind() == PveCluster.Kind.QEMU && hasCloudInitDrive(guest.config());
        List<NicFact> facts = new ArrayList<>();
        nets.forEach((index, p) -> {
            String mac;
            String model;
            Optional<Ipv4Cidr> address = Optional.empty();
            Optional<String> gateway = Optional.empty();
            Source source;
            if (guest.kind() == PveCluster.Kind.LXC) {
                mac = p.get("hwaddr").orElse("");
                model = "veth";
                String ip = p.get("ip").orElse("");
                source = ip.equals("dhcp") ? Source.DHCP : ip.contains("/") ? Source.CONFIG : Source.UNKNOWN;
                address = source == Source.CONFIG ? Optional.of(Values.cidr("net" + index + "'s ip", ip)) : Optional.empty();
                gateway = p.get("gw").map(gw -> Values.ipv4("net" + index + "'s gw", gw).toString());
            } else {
                model = p.values().keySet().stream().filter(VM_MODELS::contains).sorted().findFirst().orElse("virtio");
                mac = p.get(model).orElse("");
                source = Source.UNKNOWN;
                if (cloudInit) {
                    PropertyString ipconfig = PropertyString.of(guest.config(), "ipconfig" + index);
                    String ip = ipconfig.get("ip").orElse("dhcp");
                    source = ip.contains("/") ? Source.CONFIG : Source.DHCP;
                    address = source == Source.CONFIG ? Optional.of(Values.cidr("ipconfig" + index + "'s ip", ip))
                            : Optional.empty();
                    gateway = ipconfig.get("gw").map(gw -> Values.ipv4("ipconfig" + index + "'s gw", gw).toString());
                }
                if (source == Source.UNKNOWN) {
                    address = agentAddress(guest, mac);
                    source = address.isPresent() ? Source.AGENT : Source.UNKNOWN;
                }
            }
            facts.add(new NicFact(guest, index, p.get("bridge").orElse("vmbr0"), p.integer("tag"),
                    mac.toLowerCase(Locale.ROOT), model, p.integer("mtu"), p.flag("firewall"), address,
                    gateway, source));
        });
        return facts;
    }

    static boolean hasCloudInitDrive(JsonNode config) {
        return config.properties().stream().anyMatch(e -> Drives.isCloudInit(e.getKey(), e.getValue().asText()));
    }

    /** The first IPv4 address (not link-local, not loopback) the agent reports on the NIC with this MAC. */
    private static Optional<Ipv4Cidr> agentAddress(PveCluster.Guest guest, String mac) {
        try {
            return agentAddress(guest.agentInterfaces().orElse(com.fasterxml.jackson.databind.node.MissingNode.getInstance()),
                    mac);
        } catch (UnexpectedValue e) {
            throw e.in(guest.path() + "/agent/network-get-interfaces");
        }
    }

    private static Optional<Ipv4Cidr> agentAddress(JsonNode interfaces, String mac) {
        for (JsonNode iface : interfaces) {
            if (!iface.path("hardware-address").asText().equalsIgnoreCase(mac)) {
                continue;
            }
            for (JsonNode ip : iface.path("ip-addresses")) {
                String text = ip.path("ip-address").asText();
                if (ip.path("ip-address-type").asText().equals("ipv4") && !text.startsWith("169.254.")
                        && !text.startsWith("127.")) {
                    return Optional.of(new Ipv4Cidr(Values.ipv4("ip-address", text), Values.integer(ip, "prefix", 24, 0, 32)));
                }
            }
        }
        return Optional.empty();
    }
}
