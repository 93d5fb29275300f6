package dev.sitec.init;

import dev.sitec.Toolchain;
import dev.sitec.model.Ipv4;
import dev.sitec.model.Ipv4Cidr;
import dev.sitec.model.Placeholders;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A commented starter site.yaml in one of two shapes, with the obvious values filled in from a few
 * answers (domain, the hosts' network, how many Proxmox nodes). It must validate as written: what a
 * person has to supply (MACs, disks, keys) carries a value that validates and a "replace" comment.
 */
public final class StarterSite {

    /** The shapes init writes. */
    public enum Shape {
        /** One (or more) Proxmox VE nodes installed already on a flat LAN, and two VMs. */
        MINIMAL,
        /** The reference lab's shape: nodes sitec installs, a backup server, VLANs, K3s with Longhorn and Flux. */
        HOMELAB
    }

    /** What the templates read. */
    public record View(String schemaPath, String name, String domain, String cidr, String gateway, List<Host> nodes,
                       String vmAddress1, String serversCidr, String serversGateway, String storageCidr, String pbsMac,
                       String pbsAddress, String apiVip, List<Guest> servers, List<Guest> agents, int replicas) {

        public String placeholderKey() {
            return Placeholders.SSH_KEY;
        }

        public String placeholderHash() {
            return Placeholders.PASSWORD_HASH;
        }
    }

    public record Host(String name, String address, String mac) {
    }

    public record Guest(String name, String node, String address, String storageAddress) {
    }

    /** Why the answers cannot make a site, said so that a person can fix them. */
    public static final class BadAnswer extends Exception {
        BadAnswer(String message) {
            super(message);
        }
    }

    private StarterSite() {
    }

    public static String render(Shape shape, String domain, String cidr, int nodes, String schemaPath) throws BadAnswer {
        if (!domain.matches("(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]")) {
            throw new BadAnswer("--domain " + domain + " is not a DNS domain (lowercase labels joined by dots, e.g. home.arpa)");
        }
        Ipv4Cidr network;
        try {
            network = Ipv4Cidr.parse(cidr);
        } catch (IllegalArgumentException e) {
            throw new BadAnswer("--cidr " + cidr + " is not an IPv4 network such as 192.168.1.0/24");
        }
        if (network.prefix() != 24 || !network.network().equals(network.address())) {
            throw new BadAnswer("--cidr " + cidr + " must be a /24 network address, such as 192.168.1.0/24");
        }
        if (nodes < 1 || nodes > 9) {
            throw new BadAnswer("--nodes " + nodes + " must be between 1 and 9 (add more to the file later)");
        }
        String name = domain.substring(0, domain.indexOf('.')).toLowerCase(Locale.ROOT);
        if (!name.matches("[a-z]([a-z0-9-]{0,61}[a-z0-9])?")) {
            name = "lab";
        }
        int[] octets = octets(network.network());
        if (shape == Shape.HOMELAB && octets[2] + 20 > 255) {
            throw new BadAnswer("--cidr " + cidr + " leaves no room for the servers and storage VLANs (" + octets[0] + "."
                    + octets[1] + "." + (octets[2] + 10) + ".0/24 and +20): choose a lower third number");
        }
        List<Host> hosts = new ArrayList<>();
        for (int i = 1; i <= nodes; i++) {
            hosts.add(new Host("pve" + i, address(octets, 0, 10 + i), String.format("02:00:00:00:00:%02x", i)));
        }
        List<Guest> servers = new ArrayList<>();
        List<Guest> agents = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            servers.add(new Guest("k3s-cp-" + i, hosts.get((i - 1) % nodes).name(), address(octets, 10, 20 + i), null));
        }
        for (int i = 1; i <= nodes; i++) {
            agents.add(new Guest("k3s-w-" + i, hosts.get(i - 1).name(), address(octets, 10, 30 + i), address(octets, 20, 30 + i)));
        }
        View view = new View(schemaPath, name, domain, cidr, address(octets, 0, 1), hosts, address(octets, 0, 20),
                address(octets, 10, 0) + "/24", address(octets, 10, 1), address(octets, 20, 0) + "/24", "02:00:00:00:00:20",
                address(octets, 0, 20), address(octets, 10, 20), servers, agents, Math.min(3, agents.size()));
        String template = shape == Shape.MINIMAL ? "init/minimal.yaml.ftl" : "init/homelab.yaml.ftl";
        return Toolchain.templateRenderer().renderOwned(template, view);
    }

    private static int[] octets(Ipv4 address) {
        String[] parts = address.toString().split("\\.");
        return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2])};
    }

    /** a.b.(c+third).host */
    private static String address(int[] octets, int third, int host) {
        return octets[0] + "." + octets[1] + "." + (octets[2] + third) + "." + host;
    }
}
