package dev.sitec.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * What import read from a cluster, as PVE said it: the raw answers, by what they describe. The
 * decisions about them are {@link SiteDraft}'s.
 */
record PveCluster(String version, String name, List<Node> nodes, JsonNode storages, List<Guest> guests,
                  JsonNode pciMappings, JsonNode usbMappings, JsonNode haResources, JsonNode backupJobs,
                  JsonNode options, List<String> unread, List<String> pools) {

    enum Kind { QEMU, LXC }

    /** A node: its cluster address, its network configuration, DNS settings and time zone. */
    record Node(String name, Optional<String> address, JsonNode network, JsonNode dns, Optional<String> timezone,
                int cpus, JsonNode pciDevices, boolean subscription) {
    }

    /** A VM or container, with its configuration and, for a VM whose agent answered, its interfaces. */
    record Guest(Kind kind, int vmId, String node, String name, Optional<String> pool, boolean template,
                 boolean running, JsonNode config, Optional<JsonNode> agentInterfaces) {

        /** Where its answers are: nodes/NODE/qemu/VMID (or lxc). */
        String path() {
            return "nodes/" + node + "/" + (kind == Kind.QEMU ? "qemu" : "lxc") + "/" + vmId;
        }

        String describe() {
            // Its name is the cluster's text, and the description lands in messages on a terminal.
            return (kind == Kind.QEMU ? "VM " : "container ") + vmId + " (" + Shown.bare(name) + ")";
        }
    }

    Optional<Node> node(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst();
    }
}
