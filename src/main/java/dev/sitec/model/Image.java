package dev.sitec.model;

import com.fasterxml.jackson.core.JsonPointer;
import java.util.Optional;

/** A downloadable image: a cloud image (disk with cloud-init) or an installer ISO. */
public record Image(String name, JsonPointer origin, Kind kind, Arch arch, String url, Optional<Checksum> checksum) {

    public enum Kind { CLOUD_IMAGE, ISO }

    /** A checksum as the download tools name it: algorithm and hex digest. */
    public record Checksum(String algorithm, String hex) {
        public static Checksum parse(String text) {
            int colon = text.indexOf(':');
            return new Checksum(text.substring(0, colon), text.substring(colon + 1));
        }
    }

    /** The file name at the end of the URL, e.g. debian-13-genericcloud-amd64.qcow2. */
    public String fileName() {
        String path = url.replaceFirst("[?#].*$", "");
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
