package dev.sitec.model;

/** Root filesystem of a Proxmox host, and the datastore the installer creates for VM disks on it. */
public enum Filesystem {
    ZFS("local-zfs"), EXT4("local-lvm"), XFS("local-lvm"), BTRFS("local-btrfs");

    private final String vmDatastore;

    Filesystem(String vmDatastore) {
        this.vmDatastore = vmDatastore;
    }

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Where the installer puts VM disks: ZFS gets local-zfs, LVM gets local-lvm, Btrfs local-btrfs. */
    public String vmDatastore() {
        return vmDatastore;
    }

    public boolean takesRaid() {
        return this == ZFS || this == BTRFS;
    }
}
