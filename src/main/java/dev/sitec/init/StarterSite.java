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
                       String pbsAddress, String apiVip, String loadBalancer, List<Guest> servers, List<Guest> agents, int replicas) {

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

    /** The highest host number each shape gives out in a network (see the templates). */
    private static final int MINIMAL_HIGHEST = 20;
    private static final int HOMELAB_HIGHEST = 49;
    /** The homelab's servers and storage networks: this many networks of the hosts' size above theirs. */
    private static final int SERVERS_BLOCK = 10;
    private static final int STORAGE_BLOCK = 20;

    public static String render(Shape shape, String domain, String cidr, int nodes, String schemaPath) throws BadAnswer {
        if (!domain.matches("(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]")) {
            throw new BadAnswer("--domain " + domain + " is not a DNS domain (lowercase labels joined by dots, e.g. home.arpa)");
        }
        Ipv4Cidr network;
        try {
            if (!cidr.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}/[0-9]{1,2}")) {
                throw new IllegalArgumentException(cidr);
            }
            network = Ipv4Cidr.parse(cidr);
            if (network.prefix() > 32) {
                throw new IllegalArgumentException(cidr);
            }
        } catch (IllegalArgumentException e) {
            throw new BadAnswer("--cidr " + cidr + " is not an IPv4 network such as 192.168.1.0/24");
        }
        if (network.hasHostBits()) {
            throw new BadAnswer("--cidr " + cidr + " is not a network's first address: the network it is in is " + network);
        }
        if (network.prefix() < 8) {
            throw new BadAnswer("--cidr " + cidr + " is larger than a lab's network: give a /8 or a smaller one, such as"
                    + " 10.0.0.0/8 or 192.168.1.0/24");
        }
        if (nodes < 1 || nodes > 9) {
            throw new BadAnswer("--nodes " + nodes + " must be between 1 and 9 (add more to the file later)");
        }
        long size = 1L << (32 - network.prefix());
        int highest = shape == Shape.MINIMAL ? MINIMAL_HIGHEST : HOMELAB_HIGHEST;
        if (size - 2 < highest) {
            int needed = 32 - (64 - Long.numberOfLeadingZeros(highest + 1L));
            throw new BadAnswer("--cidr " + cidr + " is too small for the " + shape.name().toLowerCase(Locale.ROOT) + " shape: it has "
                    + Math.max(0, size - 2) + " addresses for hosts, and the starter numbers them up to " + highest + " ("
                    + (shape == Shape.MINIMAL ? "the gateway 1, the nodes from 11, the VM web 20"
                            : "the gateway 1, the nodes from 11, the K3s agents from 31, the load balancer's 40 to 49") + "); give a /" + needed + " or larger");
        }
        long base = Integer.toUnsignedLong(network.network().bits());
        if (shape == Shape.HOMELAB) {
            // The VLANs' networks are the 10th and 20th of the hosts' size above it, within the block 256 times as
            // large (for a /24: +10 and +20 in the third number, in the same /16) and the private range it is in.
            Ipv4Cidr room = room(network);
            long roomEnd = Integer.toUnsignedLong(room.network().bits()) + (1L << (32 - room.prefix()));
            if (base + (STORAGE_BLOCK + 1) * size > roomEnd) {
                throw new BadAnswer("--cidr " + cidr + " leaves no room for the servers and storage VLANs (they would be "
                        + cidr(base, SERVERS_BLOCK, size, network.prefix()) + " and "
                        + cidr(base, STORAGE_BLOCK, size, network.prefix()) + ", outside " + room + "): choose a lower network"
                        + " or a smaller one");
            }
        }
        String name = domain.substring(0, domain.indexOf('.')).toLowerCase(Locale.ROOT);
        if (!name.matches("[a-z]([a-z0-9-]{0,61}[a-z0-9])?")) {
            name = "lab";
        }
        List<Host> hosts = new ArrayList<>();
        for (int i = 1; i <= nodes; i++) {
            hosts.add(new Host("pve" + i, address(base, 0, size, 10 + i), String.format("02:00:00:00:00:%02x", i)));
        }
        List<Guest> servers = new ArrayList<>();
        List<Guest> agents = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            servers.add(new Guest("k3s-cp-" + i, hosts.get((i - 1) % nodes).name(), address(base, SERVERS_BLOCK, size, 20 + i), null));
        }
        for (int i = 1; i <= nodes; i++) {
            agents.add(new Guest("k3s-w-" + i, hosts.get(i - 1).name(), address(base, SERVERS_BLOCK, size, 30 + i),
                    address(base, STORAGE_BLOCK, size, 30 + i)));
        }
        View view = new View(schemaPath, name, domain, network.toString(), address(base, 0, size, 1), hosts,
                address(base, 0, size, 20),
                shape == Shape.HOMELAB ? cidr(base, SERVERS_BLOCK, size, network.prefix()) : null,
                shape == Shape.HOMELAB ? address(base, SERVERS_BLOCK, size, 1) : null,
                shape == Shape.HOMELAB ? cidr(base, STORAGE_BLOCK, size, network.prefix()) : null, "02:00:00:00:00:20",
                address(base, 0, size, 20), shape == Shape.HOMELAB ? address(base, SERVERS_BLOCK, size, 20) : null,
                shape == Shape.HOMELAB ? address(base, SERVERS_BLOCK, size, 40) + "-" + address(base, SERVERS_BLOCK, size, 49) : null,
                servers, agents, Math.min(3, agents.size()));
        String template = shape == Shape.MINIMAL ? "init/minimal.yaml.ftl" : "init/homelab.yaml.ftl";
        return Toolchain.templateRenderer().renderOwned(template, view);
    }

    private static final List<Ipv4Cidr> PRIVATE = List.of(Ipv4Cidr.parse("10.0.0.0/8"), Ipv4Cidr.parse("172.16.0.0/12"),
            Ipv4Cidr.parse("192.168.0.0/16"));

    /** Where a network's VLAN networks may go: its block 256 times as large, within its private range (RFC 1918). */
    private static Ipv4Cidr room(Ipv4Cidr network) {
        Ipv4Cidr block = new Ipv4Cidr(network.network(), Math.max(0, network.prefix() - 8));
        block = new Ipv4Cidr(block.network(), block.prefix());
        for (Ipv4Cidr range : PRIVATE) {
            if (range.contains(network.network()) && range.prefix() > block.prefix()) {
                return range;
            }
        }
        return block;
    }

    /** Host {@code host} of the network {@code block} networks of {@code size} addresses above {@code base}. */
    private static String address(long base, int block, long size, int host) {
        return new Ipv4((int) (base + block * size + host)).toString();
    }

    private static String cidr(long base, int block, long size, int prefix) {
        return new Ipv4((int) (base + block * size)) + "/" + prefix;
    }
}
