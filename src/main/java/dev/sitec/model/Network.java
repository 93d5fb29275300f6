package dev.sitec.model;

import com.fasterxml.jackson.core.JsonPointer;
import java.util.List;
import java.util.Optional;

/** A VLAN with its IPv4 network. */
public record Network(String name, JsonPointer origin, int vlan, Ipv4Cidr cidr, Optional<Ipv4> gateway,
                      List<Ipv4> dns, int mtu) {

    public static final int DEFAULT_MTU = 1500;

    public Network {
        dns = List.copyOf(dns);
    }
}
