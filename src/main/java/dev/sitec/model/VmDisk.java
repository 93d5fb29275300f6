package dev.sitec.model;

import java.util.Optional;

/**
 * A virtual disk, on the datastore the site names for it (else its guest's), on the bus slot the site
 * names (an adopted VM's disks keep theirs), else the index-th SCSI slot.
 */
public record VmDisk(int index, int sizeGib, Purpose purpose, Optional<String> datastore,
                     Optional<String> interfaceName) {

    public enum Purpose { SYSTEM, LONGHORN, DATA }

    public VmDisk(int index, int sizeGib, Purpose purpose, Optional<String> datastore) {
        this(index, sizeGib, purpose, datastore, Optional.empty());
    }

    /** The PVE drive key, e.g. scsi0 or virtio1: the provider knows a VM's disks by it. */
    public String slot() {
        return interfaceName.orElse("scsi" + index);
    }
}
