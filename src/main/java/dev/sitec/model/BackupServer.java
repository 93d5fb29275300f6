package dev.sitec.model;

import com.fasterxml.jackson.core.JsonPointer;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * A Proxmox Backup Server host, installed by sitec when it has boot disks. Its first datastore (by
 * name) receives the backups of the clusters it serves.
 */
public record BackupServer(String name, JsonPointer origin, Optional<MacAddress> mac, Ipv4 address,
                           Optional<String> interfaceName, Optional<BootDisks> bootDisks,
                           SortedMap<String, PbsDatastore> datastores, Retention retention, String backupSchedule,
                           List<String> protect, List<String> clusters) {

    /** When the clusters back up, unless the site says: nightly, after the day's changes. */
    public static final String DEFAULT_BACKUP_SCHEDULE = "daily 02:00";

    public BackupServer {
        protect = List.copyOf(protect);
        clusters = List.copyOf(clusters);
    }

    public boolean installedBySitec() {
        return bootDisks.isPresent();
    }

    public PbsDatastore primaryDatastore() {
        return datastores.get(datastores.firstKey());
    }

    public boolean serves(String cluster) {
        return clusters.contains(cluster);
    }
}
