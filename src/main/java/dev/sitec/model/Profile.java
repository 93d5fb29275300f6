package dev.sitec.model;

import com.fasterxml.jackson.core.JsonPointer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Shared settings of VMs of one kind, as declared. */
public record Profile(String name, JsonPointer origin, Optional<String> image, OptionalInt cores,
                      OptionalInt memoryMib, Optional<List<VmDisk>> disks, Map<String, String> labels,
                      Optional<String> datastore, Optional<GuestOs> os, OptionalInt balloonMinMib,
                      List<String> tags) {

    public Profile {
        tags = List.copyOf(tags);
    }
}
