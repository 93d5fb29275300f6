package dev.sitec.validate.rules;

import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.model.Image;
import dev.sitec.validate.RuleContext;
import dev.sitec.validate.SiteRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A checksum pins one file, so its URL must keep serving that file: a "latest" or "current" URL
 * serves a new build the day upstream publishes one, and every download from then on fails its
 * checksum (the provider's proxmox_download_file replaces the file when either changes).
 */
public final class ChecksumsOnFixedUrls implements SiteRule {

    /** Path segments that distributions use for builds that move (Debian's latest, Ubuntu's current). */
    private static final Set<String> MOVING = Set.of("latest", "current", "daily");

    @Override
    public List<Diagnostic> check(RuleContext context) {
        List<Diagnostic> out = new ArrayList<>();
        for (Image image : context.site().images().values()) {
            if (image.checksum().isPresent() && moves(image.url())) {
                out.add(context.errorAt(image.origin().appendProperty("url"), "image '" + image.name()
                        + "' pins a checksum on a URL that moves: it stops matching when a new build is published")
                        .withHint("use the dated URL of the build the checksum belongs to"));
            }
        }
        return out;
    }

    static boolean moves(String url) {
        String path = url.replaceFirst("^[a-zA-Z]+://[^/]*", "").replaceFirst("[?#].*$", "");
        for (String segment : path.toLowerCase(Locale.ROOT).split("/")) {
            if (MOVING.contains(segment) || segment.contains("-latest") || segment.startsWith("latest-")) {
                return true;
            }
        }
        return false;
    }
}
