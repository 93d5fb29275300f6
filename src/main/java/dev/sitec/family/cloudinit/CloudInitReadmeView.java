package dev.sitec.family.cloudinit;

import java.util.List;

/** The cloud-init folder's README. */
public record CloudInitReadmeView(List<String> vms, List<String> isoVms, List<Pi> machines) {

    /** A Raspberry Pi and the image flashed onto it. */
    public record Pi(String name, String board, String imageUrl) {
    }
}
