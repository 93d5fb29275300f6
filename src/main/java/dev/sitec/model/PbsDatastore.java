package dev.sitec.model;

import com.fasterxml.jackson.core.JsonPointer;
import java.util.List;
import java.util.Optional;

/**
 * A Proxmox Backup Server datastore: on its own ZFS pool made by Ansible from the disks given, or,
 * without disks, one that exists already (an installed server's), used as it is.
 */
public record PbsDatastore(String name, JsonPointer origin, Optional<String> path, List<String> disks, RaidLevel raid) {
    public PbsDatastore {
        disks = List.copyOf(disks);
    }

    public boolean existing() {
        return disks.isEmpty();
    }
}
