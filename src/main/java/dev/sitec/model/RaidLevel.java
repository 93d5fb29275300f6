package dev.sitec.model;

/** RAID levels in the Proxmox installer's terms, with the disks each needs (from the installer's checks). */
public enum RaidLevel {
    RAID0("raid0", 1, false, true),
    RAID1("raid1", 2, false, true),
    RAID10("raid10", 4, true, true),
    RAIDZ1("raidz-1", 3, false, false),
    RAIDZ2("raidz-2", 4, false, false),
    RAIDZ3("raidz-3", 5, false, false);

    private final String id;
    private final int minimumDisks;
    private final boolean evenDisks;
    private final boolean btrfsToo;

    RaidLevel(String id, int minimumDisks, boolean evenDisks, boolean btrfsToo) {
        this.id = id;
        this.minimumDisks = minimumDisks;
        this.evenDisks = evenDisks;
        this.btrfsToo = btrfsToo;
    }

    public static RaidLevel of(String id) {
        for (RaidLevel level : values()) {
            if (level.id.equals(id)) {
                return level;
            }
        }
        throw new IllegalArgumentException("unknown RAID level " + id);
    }

    public String id() {
        return id;
    }

    public int minimumDisks() {
        return minimumDisks;
    }

    public boolean needsEvenDisks() {
        return evenDisks;
    }

    public boolean supportedBy(Filesystem filesystem) {
        return filesystem == Filesystem.ZFS || (filesystem == Filesystem.BTRFS && btrfsToo);
    }
}
