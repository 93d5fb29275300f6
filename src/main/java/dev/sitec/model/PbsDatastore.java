package dev.sitec.model;

import com.fasterxml.jackson.core.JsonPointer;
import java.util.List;

/** A Proxmox Backup Server datastore on its own ZFS pool. */
public record PbsDatastore(String name, JsonPointer origin, String path, List<String> disks, RaidLevel raid) {
    public PbsDatastore {
        disks = List.copyOf(disks);
    }
}
