package dev.sitec.change;

/**
 * What one change does to the running lab once it is applied, most severe first. The order is the
 * order {@code plan} prints them in and the order {@code --fail-on} reads: a level fails on itself
 * and on everything above it.
 */
public enum ChangeKind {
    /** A pet replaced or deleted, a disk removed or shrunk, a datastore or Longhorn disk dropped. */
    DESTROYS_DATA("destroys data"),
    /** A VM or container destroyed and created again (an attribute the provider marks ForceNew). */
    REPLACE("replace"),
    /** A cattle VM or container destroyed. */
    DELETE("delete"),
    /** The K3s cluster itself: servers or agents added or removed, its version, its API address. */
    CLUSTER("cluster"),
    /** The guest restarts for the change to take effect. */
    REBOOT("reboot"),
    /** A PVE node, backup server, Pi or K3s node reconfigured by Ansible. */
    HOST("host"),
    /** An existing guest Terraform adopts (an import block): nothing is created. */
    IMPORT("import"),
    CREATE("create"),
    IN_PLACE("in-place");

    private final String label;

    ChangeKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
