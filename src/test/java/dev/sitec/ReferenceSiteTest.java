package dev.sitec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The project's site.yaml is the shared reference site, and it always validates. */
class ReferenceSiteTest {

    private static final Path SHARED = Path.of("..", "shared", "site", "site.yaml");

    @Test
    void siteYamlIsACopyOfTheSharedReferenceSite() throws Exception {
        assumeTrue(Files.exists(SHARED), "../shared is not beside this checkout");
        assertThat(Files.readString(Path.of("site.yaml"))).isEqualTo(Files.readString(SHARED));
    }

    @Test
    void theSharedReferenceSiteValidates() {
        Path site = Files.exists(SHARED) ? SHARED : Path.of("site.yaml");
        Compilation result = new SiteCompiler().compile(site, "site.yaml");
        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.files()).isNotEmpty();
    }
}
