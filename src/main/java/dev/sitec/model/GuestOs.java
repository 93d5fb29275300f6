package dev.sitec.model;

import java.util.Locale;

/**
 * What runs in a VM, which decides how it is built: a Linux cloud image configured by cloud-init (or an
 * ISO with its own installer), Windows from its ISO on UEFI with a TPM, or an appliance's disk image
 * imported as it is.
 */
public enum GuestOs {
    LINUX, WINDOWS, APPLIANCE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static GuestOs of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
