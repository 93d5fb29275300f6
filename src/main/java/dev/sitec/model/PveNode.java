package dev.sitec.model;

import com.fasterxml.jackson.core.JsonPointer;
import java.util.Map;

/** A Proxmox VE node. Its VM datastore follows from its boot filesystem. */
public record PveNode(String name, JsonPointer origin, String cluster, MacAddress mac, Ipv4 address,
                      String interfaceName, BootDisks bootDisks, Map<String, Device> devices) {

    public PveNode {
        devices = Map.copyOf(devices);
    }

    public String vmDatastore() {
        return bootDisks.filesystem().vmDatastore();
    }
}
