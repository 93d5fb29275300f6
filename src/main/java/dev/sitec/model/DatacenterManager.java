package dev.sitec.model;

import com.fasterxml.jackson.core.JsonPointer;
import java.util.List;

/** The Proxmox Datacenter Manager: the VM it runs in and the remotes it manages. */
public record DatacenterManager(JsonPointer origin, String vm, List<String> remotes) {
    public DatacenterManager {
        remotes = List.copyOf(remotes);
    }
}
