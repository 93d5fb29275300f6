package dev.sitec.plan;

import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Permissions of a generated file. Files holding a password hash are private to their owner. */
public enum FileMode {
    REGULAR("rw-r--r--"),
    PRIVATE("rw-------"),
    EXECUTABLE("rwxr-xr-x");

    private final Set<PosixFilePermission> permissions;

    FileMode(String symbolic) {
        this.permissions = Set.copyOf(PosixFilePermissions.fromString(symbolic));
    }

    public Set<PosixFilePermission> permissions() {
        return permissions;
    }

    public boolean executable() {
        return this == EXECUTABLE;
    }
}
