package dev.sitec.model;

/** A network interface of a VM or machine: its network, static address and stable MAC. */
public record Nic(int index, String network, Ipv4 address, MacAddress mac) {
}
