package dev.sitec.adopt;

import java.util.regex.Pattern;

/**
 * A VM's drive keys (scsi0, virtio1, sata2, ide3; qemu-server's bus names) and what is on them: a
 * disk, a CD-ROM (media=cdrom) or the cloud-init drive.
 */
final class Drives {

    private static final Pattern SLOT = Pattern.compile("(scsi|virtio|sata|ide)\\d{1,2}");

    private Drives() {
    }

    static boolean isSlot(String key) {
        return SLOT.matcher(key).matches();
    }

    /** The cloud-init drive PVE makes (a volume named vm-ID-cloudinit), on any bus. */
    static boolean isCloudInit(String key, String value) {
        return isSlot(key) && PropertyString.parse(value).bare().orElse("").contains("cloudinit");
    }

    /** A disk: on a drive slot, not a CD-ROM and not the cloud-init drive. */
    static boolean isDisk(String key, String value) {
        return isSlot(key) && PropertyString.parse(value).get("media").filter("cdrom"::equals).isEmpty()
                && !isCloudInit(key, value);
    }
}
