package dev.sitec.model;

import java.util.Optional;

/**
 * A virtual disk, on the datastore the site names for it (else its guest's), on the bus slot the site
 * names (an adopted VM's disks keep theirs), else the index-th SCSI slot; in the volume format the
 * site names (an adopted VM's qcow2 disk on a file storage keeps it), else raw.
 */
public record VmDisk(int index, int sizeGib, Purpose purpose, Optional<String> datastore,
                     Optional<String> interfaceName, Optional<String> format) {

    public enum Purpose { SYSTEM, LONGHORN, DATA }

    /** sitec's volume format: raw, which every storage type takes. */
    public static final String DEFAULT_FORMAT = "raw";

    public VmDisk(int index, int sizeGib, Purpose purpose, Optional<String> datastore) {
        this(index, sizeGib, purpose, datastore, Optional.empty(), Optional.empty());
    }

    /** The volume format (raw, qcow2 or vmdk) the disk is made in and the provider reads back. */
    public String fileFormat() {
        return format.orElse(DEFAULT_FORMAT);
    }

    /** The PVE drive key, e.g. scsi0 or virtio1: the provider knows a VM's disks by it. */
    public String slot() {
        return interfaceName.orElse("scsi" + index);
    }
}
