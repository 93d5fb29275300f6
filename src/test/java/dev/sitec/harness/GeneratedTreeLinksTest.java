package dev.sitec.harness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitec.BrokenSite;
import dev.sitec.write.OutputWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Flux tree generated from the reference site links: every reference resolves. */
class GeneratedTreeLinksTest {

    @TempDir
    Path dir;

    @Test
    void theReferenceSitesFluxTreeLinks() throws Exception {
        Path out = dir.resolve("generated");
        new OutputWriter().write(out, List.copyOf(BrokenSite.reference().generate(dir).values()));
        assertThat(FluxCheck.repositoryPrefix(out)).isEqualTo("generated/flux");
        assertThat(FluxLinker.link(out, "generated/flux")).isEmpty();
    }
}
