package dev.sitec.validate.rules;

import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.model.Arch;
import dev.sitec.model.Image;
import dev.sitec.model.Vm;
import dev.sitec.validate.RuleContext;
import dev.sitec.validate.SiteRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A compressed image a Proxmox VE node downloads must be one the node can decompress. PVE's
 * download-url decompresses gz, lzo, zst and bz2, and only for ISO content (pve-storage
 * API2/Storage/Status.pm: "decompression not supported for $content"), so an xz ISO is refused; a
 * compressed disk image is fetched and decompressed by Ansible instead, with the xz, gzip, bzip2 and
 * zstd tools every PVE install has, which leaves lzo disk images out. A container template's
 * compression is its format (.tar.zst): PVE reads it as it is.
 */
public final class DownloadsProxmoxCanDecompress implements SiteRule {

    @Override
    public List<Diagnostic> check(RuleContext context) {
        List<Diagnostic> out = new ArrayList<>();
        TreeSet<String> downloaded = new TreeSet<>();
        for (Vm vm : context.site().vms().values()) {
            vm.image().ifPresent(downloaded::add);
            vm.windows().flatMap(Vm.Windows::drivers).ifPresent(downloaded::add);
        }
        for (String name : downloaded) {
            Image image = context.site().images().get(name);
            Optional<Image.Compression> compression = image == null ? Optional.empty() : image.compression();
            if (compression.isEmpty() || image.arch() != Arch.AMD64 || image.kind() == Image.Kind.LXC) {
                continue; // an image for another architecture is reported by ImagesFitTargets
            }
            String suffix = compression.get().suffix();
            if (image.kind() == Image.Kind.CLOUD_IMAGE && compression.get() == Image.Compression.LZO) {
                out.add(context.errorAt(image.origin().appendProperty("url"), "image '" + name + "' is compressed ("
                        + suffix + "), which a Proxmox VE node has no tool to decompress")
                        .withHint("use the image compressed with xz, gzip, bzip2 or zstd, or uncompressed"));
            } else if (image.kind() == Image.Kind.ISO && compression.get().proxmoxName().isEmpty()) {
                out.add(context.errorAt(image.origin().appendProperty("url"), "image '" + name + "' is compressed ("
                        + suffix + "), which Proxmox VE cannot decompress")
                        .withHint("PVE decompresses .gz, .lzo, .zst and .bz2 downloads; use one of those or the plain ISO"));
            }
        }
        return out;
    }
}
