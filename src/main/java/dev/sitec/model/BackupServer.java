package dev.sitec.model;

import com.fasterxml.jackson.core.JsonPointer;
import java.util.List;
import java.util.SortedMap;

/** A Proxmox Backup Server host. Its first datastore (by name) receives the cluster's backups. */
public record BackupServer(String name, JsonPointer origin, MacAddress mac, Ipv4 address, String interfaceName,
                           BootDisks bootDisks, SortedMap<String, PbsDatastore> datastores, Retention retention,
                           String backupSchedule, List<String> protect) {

    public BackupServer {
        protect = List.copyOf(protect);
    }

    public PbsDatastore primaryDatastore() {
        return datastores.get(datastores.firstKey());
    }
}
