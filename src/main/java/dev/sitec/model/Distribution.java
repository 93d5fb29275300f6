package dev.sitec.model;

import java.util.Locale;
import java.util.Optional;

/**
 * The Linux distribution an image holds. PVE configures a container's network, hostname, DNS, root
 * SSH keys and host keys through the setup plugin of its distribution (pve-container
 * src/PVE/LXC/Setup.pm); a container created without one is "unmanaged", and PVE writes nothing into
 * it (Setup/Unmanaged.pm). The names are the site's and the bpg provider's
 * (proxmoxtf/resource/container/validators.go OperatingSystemTypeValidator).
 */
public enum Distribution {
    ALPINE, ARCHLINUX, CENTOS, DEBIAN, DEVUAN, FEDORA, GENTOO, NIXOS, OPENSUSE, UBUNTU;

    /** The name in site.yaml, in PVE's ostype and in the provider's operating_system.type. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Distribution> of(String id) {
        for (Distribution d : values()) {
            if (d.id().equals(id)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /**
     * The distribution of a container template named as Proxmox publishes them
     * (DISTRIBUTION-RELEASE-FLAVOUR_VERSION_ARCH.tar.EXT, pveam's appliance index), from the part
     * before the first '-' or '_'; empty for any other name.
     */
    public static Optional<Distribution> ofTemplateFileName(String fileName) {
        int end = 0;
        while (end < fileName.length() && fileName.charAt(end) != '-' && fileName.charAt(end) != '_') {
            end++;
        }
        return of(fileName.substring(0, end).toLowerCase(Locale.ROOT));
    }
}
