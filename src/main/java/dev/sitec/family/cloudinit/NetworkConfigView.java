package dev.sitec.family.cloudinit;

import java.util.List;

/** Netplan v2 network-config: each NIC matched by MAC, renamed, with its static address. */
public record NetworkConfigView(List<Ethernet> ethernets) {

    /** One NIC; only the primary one carries the default route and DNS. */
    public record Ethernet(String name, String mac, String address, int mtu, String gateway, List<String> dns,
                           List<String> search) {
    }
}
