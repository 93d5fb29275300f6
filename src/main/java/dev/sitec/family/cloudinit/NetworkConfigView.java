package dev.sitec.family.cloudinit;

import java.util.List;

/**
 * Netplan v2 network-config: each NIC matched by MAC (or, on a machine whose MAC the site does not
 * know, by its name) and renamed, with its static address or DHCP; a machine's further networks are
 * VLAN interfaces over its one NIC.
 */
public record NetworkConfigView(List<Interface> ethernets, List<Interface> vlans) {

    /**
     * One interface; only the primary one carries the default route and DNS. A DHCP interface that is
     * not the primary ignores the routes and DNS servers its DHCP server offers.
     */
    public record Interface(String name, String mac, boolean rename, Integer vlanId, String link, String address,
                            boolean dhcp, int mtu, String gateway, List<String> dns, List<String> search,
                            boolean primary) {
    }
}
