package dev.sitec.model;

import com.fasterxml.jackson.core.JsonPointer;
import java.util.SortedMap;

/** A Proxmox VE cluster; its nodes sorted by name, the first creates the cluster. */
public record Cluster(String name, JsonPointer origin, SortedMap<String, PveNode> nodes, String endpoint) {

    /** Where cloud-init snippets go when neither the cluster nor the node names a datastore. */
    public static final String DEFAULT_SNIPPETS_DATASTORE = "local";

    public PveNode firstNode() {
        return nodes.get(nodes.firstKey());
    }
}
