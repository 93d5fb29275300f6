package dev.sitec.model;

import com.fasterxml.jackson.core.JsonPointer;
import java.util.Map;
import java.util.Optional;

/**
 * A Proxmox VE node. With boot disks (and its MAC and NIC) sitec writes its installer answer; without,
 * it is installed already. Its guests' disks go to its datastore: the one the site names, else the one
 * the installer made on its boot filesystem.
 */
public record PveNode(String name, JsonPointer origin, String cluster, Optional<MacAddress> mac, Ipv4 address,
                      Optional<String> interfaceName, Optional<BootDisks> bootDisks, Optional<String> datastore,
                      String snippetsDatastore, Map<String, Device> devices, boolean subscription) {

    public PveNode {
        devices = Map.copyOf(devices);
    }

    /** True when sitec installs this node (an answer file and an ISO script): it has boot disks. */
    public boolean installedBySitec() {
        return bootDisks.isPresent();
    }

    /** The datastore the node's guests use unless they name one; a rule ensures there is one. */
    public Optional<String> defaultDatastore() {
        return datastore.or(() -> bootDisks.map(b -> b.filesystem().vmDatastore()));
    }

    public String vmDatastore() {
        return defaultDatastore().orElseThrow(() -> new IllegalStateException("node without datastore " + name));
    }
}
