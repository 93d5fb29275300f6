package dev.sitec.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitec.model.Ipv4;
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
        TreeMap<Integer, String> nets = new TreeMap<>();
        guest.config().properties().forEach(e -> {
            if (e.getKey().matches("net\\d+")) {
                nets.put(Integer.parseInt(e.getKey().substring(3)), e.getValue().asText());
            }
        });
        boolean cloudInit = guest.kind() == PveCluster.Kind.QEMU && hasCloudInitDrive(guest.config());
        List<NicFact> facts = new ArrayList<>();
        nets.forEach((index, text) -> {
            PropertyString p = PropertyString.parse(text);
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
                address = source == Source.CONFIG ? Optional.of(Ipv4Cidr.parse(ip)) : Optional.empty();
                gateway = p.get("gw");
            } else {
                model = p.values().keySet().stream().filter(VM_MODELS::contains).sorted().findFirst().orElse("virtio");
                mac = p.get(model).orElse("");
                source = Source.UNKNOWN;
                if (cloudInit) {
                    PropertyString ipconfig = PropertyString.parse(guest.config().path("ipconfig" + index).asText(""));
                    String ip = ipconfig.get("ip").orElse("dhcp");
                    source = ip.contains("/") ? Source.CONFIG : Source.DHCP;
                    address = source == Source.CONFIG ? Optional.of(Ipv4Cidr.parse(ip)) : Optional.empty();
                    gateway = ipconfig.get("gw");
                }
                if (source == Source.UNKNOWN) {
                    address = agentAddress(guest, mac);
                    source = address.isPresent() ? Source.AGENT : Source.UNKNOWN;
                }
            }
            facts.add(new NicFact(guest, index, p.get("bridge").orElse("vmbr0"), p.get("tag").map(Integer::valueOf),
                    mac.toLowerCase(Locale.ROOT), model, p.get("mtu").map(Integer::valueOf), p.flag("firewall"), address,
                    gateway, source));
        });
        return facts;
    }

    static boolean hasCloudInitDrive(JsonNode config) {
        return config.properties().stream().anyMatch(e -> Drives.isCloudInit(e.getKey(), e.getValue().asText()));
    }

    /** The first IPv4 address (not link-local, not loopback) the agent reports on the NIC with this MAC. */
    private static Optional<Ipv4Cidr> agentAddress(PveCluster.Guest guest, String mac) {
        for (JsonNode iface : guest.agentInterfaces().orElse(com.fasterxml.jackson.databind.node.MissingNode.getInstance())) {
            if (!iface.path("hardware-address").asText().equalsIgnoreCase(mac)) {
                continue;
            }
            for (JsonNode ip : iface.path("ip-addresses")) {
                String text = ip.path("ip-address").asText();
                if (ip.path("ip-address-type").asText().equals("ipv4") && !text.startsWith("169.254.")
                        && !text.startsWith("127.")) {
                    return Optional.of(new Ipv4Cidr(Ipv4.parse(text), ip.path("prefix").asInt(24)));
                }
            }
        }
        return Optional.empty();
    }
}
