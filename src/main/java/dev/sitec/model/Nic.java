package dev.sitec.model;

/**
 * A network interface of a VM or machine: its network, static address and stable MAC, and whether
 * sitec derived that MAC from names (rather than site.yaml or the hardware giving it).
 */
public record Nic(int index, String network, Ipv4 address, MacAddress mac, boolean macDerived) {

    /**
     * The name the interface gets inside the guest: cloud-init's network-config renames the NIC
     * matched by its MAC, so Ansible (flannel-iface, node-ip) can rely on it.
     */
    public String interfaceName() {
        return "net" + index;
    }
}
