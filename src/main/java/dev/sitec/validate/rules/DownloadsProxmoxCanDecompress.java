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
 * A compressed image that a Proxmox VE node downloads must be one PVE decompresses: its
 * download-url decompresses gz, lzo, zst and bz2, and only for ISO content (pve-storage
 * API2/Storage/Status.pm: "decompression not supported for $content"). A compressed cloud image
 * would be imported as a compressed blob, and an xz ISO never decompressed.
 */
public final class DownloadsProxmoxCanDecompress implements SiteRule {

    @Override
    public List<Diagnostic> check(RuleContext context) {
        List<Diagnostic> out = new ArrayList<>();
        TreeSet<String> downloaded = new TreeSet<>();
        for (Vm vm : context.site().vms().values()) {
            vm.image().ifPresent(downloaded::add);
        }
        for (String name : downloaded) {
            Image image = context.site().images().get(name);
            Optional<Image.Compression> compression = image == null ? Optional.empty() : image.compression();
            if (compression.isEmpty() || image.arch() != Arch.AMD64) {
                continue; // an image for another architecture is reported by ImagesFitTargets
            }
            String suffix = compression.get().suffix();
            if (image.kind() == Image.Kind.CLOUD_IMAGE) {
                out.add(context.errorAt(image.origin().appendProperty("url"), "image '" + name + "' is compressed ("
                        + suffix + "), but Proxmox VE imports VM disk images only uncompressed")
                        .withHint("PVE decompresses only ISO downloads; point 'url' at the uncompressed image"));
            } else if (compression.get().proxmoxName().isEmpty()) {
                out.add(context.errorAt(image.origin().appendProperty("url"), "image '" + name + "' is compressed ("
                        + suffix + "), which Proxmox VE cannot decompress")
                        .withHint("PVE decompresses .gz, .lzo, .zst and .bz2 downloads; use one of those or the plain ISO"));
            }
        }
        return out;
    }
}
