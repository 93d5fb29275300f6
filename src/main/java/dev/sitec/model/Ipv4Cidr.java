package dev.sitec.model;

/** An IPv4 network: an address and a prefix length. */
public record Ipv4Cidr(Ipv4 address, int prefix) {

    public static Ipv4Cidr parse(String text) {
        int slash = text.indexOf('/');
        return new Ipv4Cidr(Ipv4.parse(text.substring(0, slash)), Integer.parseInt(text.substring(slash + 1)));
    }

    private int mask() {
        return prefix == 0 ? 0 : -1 << (32 - prefix);
    }

    public Ipv4 network() {
        return new Ipv4(address.bits() & mask());
    }

    public Ipv4 broadcast() {
        return new Ipv4(address.bits() | ~mask());
    }

    /** True when the address given has host bits set (10.0.0.5/24 instead of 10.0.0.0/24). */
    public boolean hasHostBits() {
        return !network().equals(address);
    }

    public boolean contains(Ipv4 ip) {
        return (ip.bits() & mask()) == (address.bits() & mask());
    }

    public boolean overlaps(Ipv4Cidr other) {
        int shorter = Math.min(prefix, other.prefix);
        int mask = shorter == 0 ? 0 : -1 << (32 - shorter);
        return (address.bits() & mask) == (other.address.bits() & mask);
    }

    /** The netmask in dotted form, e.g. 255.255.255.0. */
    public Ipv4 netmask() {
        return new Ipv4(mask());
    }

    @Override
    public String toString() {
        return network() + "/" + prefix;
    }
}
