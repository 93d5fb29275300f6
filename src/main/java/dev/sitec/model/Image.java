package dev.sitec.model;

import com.fasterxml.jackson.core.JsonPointer;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An image: a downloadable disk image (a cloud image configured by cloud-init, or an appliance's disk),
 * an installer ISO, or an LXC container template; or a template VM that already exists on a node,
 * which VMs are cloned from ({@code template}, with no URL).
 */
public record Image(String name, JsonPointer origin, Kind kind, Arch arch, String url, Optional<Checksum> checksum,
                    boolean uefi, Optional<Distribution> declaredDistribution, Optional<Template> template) {

    public enum Kind { CLOUD_IMAGE, ISO, LXC, TEMPLATE }

    /**
     * A template VM on the cluster (PVE's template: 1), cloned by VMs naming the image: its VMID and
     * node; the datastore its disks are on, when the site says (else the node's datastore); whether
     * that datastore is shared storage every node reaches; and whether its clones are linked.
     */
    public record Template(int vmId, String node, Optional<String> datastore, boolean shared, boolean linked) {
    }

    public Image(String name, JsonPointer origin, Kind kind, Arch arch, String url, Optional<Checksum> checksum,
                 boolean uefi, Optional<Distribution> declaredDistribution) {
        this(name, origin, kind, arch, url, checksum, uefi, declaredDistribution, Optional.empty());
    }

    /** A template VM VMs are cloned from, rather than a file to download. */
    public boolean isTemplate() {
        return kind == Kind.TEMPLATE;
    }

    /** A checksum as the download tools name it: algorithm and hex digest. */
    public record Checksum(String algorithm, String hex) {
        public static Checksum parse(String text) {
            int colon = text.indexOf(':');
            return new Checksum(text.substring(0, colon), text.substring(colon + 1));
        }
    }

    /**
     * How a download is compressed, by its file name's last suffix. PVE's download-url decompresses
     * gz, lzo, zst and bz2, and only for ISO content (pve-storage: Storage/Plugin.pm
     * KNOWN_COMPRESSION_FORMATS, API2/Storage/Status.pm); xz it cannot decompress at all.
     */
    public enum Compression {
        GZ(".gz", "gz"), LZO(".lzo", "lzo"), ZST(".zst", "zst"), BZ2(".bz2", "bz2"), XZ(".xz", null);

        private final String suffix;
        private final String proxmoxName;

        Compression(String suffix, String proxmoxName) {
            this.suffix = suffix;
            this.proxmoxName = proxmoxName;
        }

        public String suffix() {
            return suffix;
        }

        /** The algorithm's name for PVE's download-url and the provider's decompression_algorithm. */
        public Optional<String> proxmoxName() {
            return Optional.ofNullable(proxmoxName);
        }

        static Optional<Compression> of(String fileName) {
            for (Compression c : values()) {
                if (fileName.endsWith(c.suffix)) {
                    return Optional.of(c);
                }
            }
            return Optional.empty();
        }
    }

    /** The distribution the site gives, else the one a container template's file name says. */
    public Optional<Distribution> distribution() {
        return declaredDistribution.or(() -> kind == Kind.LXC ? Distribution.ofTemplateFileName(fileName()) : Optional.empty());
    }

    public Optional<Compression> compression() {
        return Compression.of(fileName());
    }

    /** The name the file has once downloaded (and decompressed): the URL's file name without its compression suffix. */
    public String storedFileName() {
        String name = fileName();
        return compression().map(c -> name.substring(0, name.length() - c.suffix().length())).orElse(name);
    }

    private static final Pattern UBUNTU_RELEASE = Pattern.compile("ubuntu-(\\d{2}\\.\\d{2})");

    /** The Ubuntu release an image's file is named after (ubuntu-24.04.3-preinstalled-… gives 24.04), if any. */
    public Optional<String> ubuntuRelease() {
        Matcher m = UBUNTU_RELEASE.matcher(fileName());
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The file name at the end of the URL, e.g. debian-13-genericcloud-amd64.qcow2. */
    public String fileName() {
        String path = url.replaceFirst("[?#].*$", "");
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
