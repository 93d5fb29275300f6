package dev.sitec.model;

import java.util.Optional;

/** A virtual disk, on the datastore the site names for it (else its guest's). */
public record VmDisk(int index, int sizeGib, Purpose purpose, Optional<String> datastore) {

    public enum Purpose { SYSTEM, LONGHORN, DATA }
}
