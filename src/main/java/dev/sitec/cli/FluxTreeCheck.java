package dev.sitec.cli;

import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.load.SourceMap;
import dev.sitec.model.Kubernetes;
import dev.sitec.model.Site;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Flux reads sitec's Flux tree at {@code flux.tree} from the repository's root, which is the folder of
 * site.yaml; a generate that writes the tree somewhere else (another -o) would have every cluster sync
 * a folder that is not there. Only this run knows both paths, so the check is here, not in a rule.
 */
final class FluxTreeCheck {

    private FluxTreeCheck() {
    }

    static List<Diagnostic> check(Site site, SourceMap sources, Path siteFile, Path outputDir) {
        List<Diagnostic> out = new ArrayList<>();
        Path siteFolder = siteFile.toAbsolutePath().normalize().getParent();
        Path written = outputDir.toAbsolutePath().normalize().resolve("flux");
        for (Kubernetes k : site.kubernetes().values()) {
            k.flux().ifPresent(flux -> {
                Path read = siteFolder.resolve(flux.tree()).normalize();
                if (!read.equals(written)) {
                    out.add(Diagnostic.warning(sources.key(k.origin().appendProperty("flux")), "Flux reads cluster " + k.name()
                            + "'s tree at " + flux.tree() + " from the repository's root (the folder of the site file), but"
                            + " this run writes it to " + siteFolder.relativize(written))
                            .withHint("set flux.tree: " + siteFolder.relativize(written) + ", or generate into "
                                    + siteFolder.relativize(read.getParent())));
                }
            });
        }
        return out;
    }
}
