package dev.sitec.model;

import java.util.List;

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

    /**
     * The VM datastore as the installer writes it into storage.cfg: its pvesm type and the options
     * {@code pvesm add} needs to define it again after a cluster join drops it (the default
     * storage.cfg of a ZFS install: zfspool local-zfs, pool rpool/data, sparse; of an ext4 or xfs
     * install: lvmthin local-lvm, vgname pve, thinpool data; of a Btrfs install: btrfs local-btrfs).
     */
    public StorageDefinition vmStorage() {
        return switch (this) {
            case ZFS -> new StorageDefinition(vmDatastore, "zfspool",
                    List.of("--pool", "rpool/data", "--sparse", "1", "--content", "images,rootdir"));
            case EXT4, XFS -> new StorageDefinition(vmDatastore, "lvmthin",
                    List.of("--vgname", "pve", "--thinpool", "data", "--content", "images,rootdir"));
            case BTRFS -> new StorageDefinition(vmDatastore, "btrfs",
                    List.of("--path", "/var/lib/pve/local-btrfs", "--content", "images,rootdir"));
        };
    }

    /** A PVE storage: its id, pvesm type and the options that define it. */
    public record StorageDefinition(String id, String type, List<String> options) {
        public StorageDefinition {
            options = List.copyOf(options);
        }
    }

    public boolean takesRaid() {
        return this == ZFS || this == BTRFS;
    }
}
