package dev.sitec.model;

import java.util.List;
import java.util.Optional;

/** The disks a Proxmox host is installed onto. */
public record BootDisks(Filesystem filesystem, Optional<RaidLevel> raid, List<String> disks) {
    public BootDisks {
        disks = List.copyOf(disks);
    }
}
