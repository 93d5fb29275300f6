package dev.sitec.model;

import java.util.Optional;

/**
 * A network interface of a VM, container or machine: its network, its static address (none when it
 * asks DHCP), its MAC and the name it gets inside the guest. A VM's MAC is stable (derived from
 * names unless site.yaml gives one), so a router can reserve a DHCP address for it; a machine's is
 * its board's, when the site knows it.
 */
public record Nic(int index, String network, Optional<Ipv4> address, Optional<MacAddress> mac, boolean macDerived,
                  String interfaceName) {

    public boolean dhcp() {
        return address.isEmpty();
    }

    /** The static address; only asked of NICs that have one (rules guarantee it where needed). */
    public Ipv4 staticAddress() {
        return address.orElseThrow(() -> new IllegalStateException("DHCP NIC on " + network));
    }

    /** A guest NIC's MAC: every VM and container NIC has one. */
    public MacAddress guestMac() {
        return mac.orElseThrow(() -> new IllegalStateException("NIC without MAC on " + network));
    }

    /**
     * The name a VM's interface gets inside the guest: cloud-init's network-config renames the NIC
     * matched by its MAC, so Ansible (flannel-iface, node-ip) can rely on it.
     */
    public static String guestInterfaceName(int index) {
        return "net" + index;
    }
}
