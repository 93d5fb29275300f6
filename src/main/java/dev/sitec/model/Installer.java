package dev.sitec.model;

import java.util.Optional;

/** How the Proxmox automated installer gets its answers, and which ISOs it runs from. */
public record Installer(Fetch fetch, Optional<String> answerUrl, IsoSource pveIso, IsoSource pbsIso) {

    /** Defaults: the current releases in late 2026 whose installers pin NIC names (9.1 / 4.1 and later). */
    public static final IsoSource DEFAULT_PVE_ISO =
            new IsoSource("https://enterprise.proxmox.com/iso/proxmox-ve_9.1-1.iso", Optional.empty());
    public static final IsoSource DEFAULT_PBS_ISO =
            new IsoSource("https://enterprise.proxmox.com/iso/proxmox-backup-server_4.1-1.iso", Optional.empty());

    public enum Fetch { ISO, HTTP }

    /** An installer ISO and, when known, its checksum. */
    public record IsoSource(String url, Optional<Image.Checksum> checksum) {
        public String fileName() {
            return url.substring(url.lastIndexOf('/') + 1);
        }
    }
}
