package dev.sitec.family.terraform;

import dev.sitec.model.Image;

/**
 * Disk images a node gets from Ansible rather than from Terraform: PVE's download-url decompresses
 * only ISO content (pve-storage API2/Storage/Status.pm), so a compressed disk image (Home Assistant
 * OS ships as .qcow2.xz) is fetched and decompressed onto the node's local storage, where the
 * provider's import_from finds it by volume id.
 */
public final class NodeImages {

    private NodeImages() {
    }

    /** The decompressed file's volume on the local datastore's import content. */
    public static String importVolume(Image image) {
        return "local:import/" + image.storedFileName();
    }
}
