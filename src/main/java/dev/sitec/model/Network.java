package dev.sitec.model;

import com.fasterxml.jackson.core.JsonPointer;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An IPv4 network on a node bridge: tagged (a VLAN, carried by the SDN zone) or untagged (native on
 * its bridge, as a flat home LAN is). A network whose every address is DHCP may leave its CIDR to
 * the router.
 */
public record Network(String name, JsonPointer origin, OptionalInt vlan, String bridge, Optional<Ipv4Cidr> cidr,
                      Optional<Ipv4> gateway, List<Ipv4> dns, int mtu) {

    public static final int DEFAULT_MTU = 1500;
    /** The bridge the Proxmox installer creates on the management NIC. */
    public static final String DEFAULT_BRIDGE = "vmbr0";

    public Network {
        dns = List.copyOf(dns);
    }

    public boolean tagged() {
        return vlan.isPresent();
    }

    public boolean contains(Ipv4 address) {
        return cidr.map(c -> c.contains(address)).orElse(false);
    }

    /** The prefix length of addresses on this network; only asked of networks with a CIDR. */
    public int prefix() {
        return cidr.orElseThrow(() -> new IllegalStateException("network without cidr " + name)).prefix();
    }
}
