package dev.sitec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Every site the project keeps compiles without a finding: the project's own site.yaml, the test
 * sites in sites/, and the user's site in ../shared/site, which the project does not edit. (That the
 * real tools accept their trees is scripts/validate-sites, run by scripts/test.)
 */
class ReferenceSiteTest {

    @org.junit.jupiter.api.io.TempDir
    Path dir;

    private static final Path SHARED = Path.of("..", "shared", "site", "site.yaml");

    static Stream<Path> keptSites() throws IOException {
        try (Stream<Path> sites = Files.list(Path.of("sites"))) {
            return Stream.concat(Stream.of(Path.of("site.yaml")),
                    sites.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream());
        }
    }

    @ParameterizedTest
    @MethodSource("keptSites")
    void keptSiteCompilesWithoutErrors(Path site) {
        // An imported site holds import's placeholders, which PlaceholdersReplaced refuses until replaced.
        Compilation result = new SiteCompiler().compile(KeptSites.finishedCopy(site, dir), site.toString());
        assertThat(result.diagnostics()).noneMatch(dev.sitec.diagnostic.Diagnostic::isError);
        assertThat(result.files()).isNotEmpty();
    }

    @Test
    void theReferenceSiteCompilesWithoutAnyFinding() {
        assertThat(new SiteCompiler().compile(Path.of("site.yaml"), "site.yaml").diagnostics()).isEmpty();
    }

    /**
     * The user's site has no apiVersion, which the format asks for with a warning (issue 13): that
     * warning is its one finding.
     */
    @Test
    void theUsersSiteCompilesWithOnlyTheWarningToDeclareItsFormat() {
        assumeTrue(Files.exists(SHARED) || System.getenv("CI") != null, "../shared is not beside this checkout");
        Compilation result = new SiteCompiler().compile(SHARED, "site.yaml");
        assertThat(result.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(dev.sitec.diagnostic.Severity.WARNING);
            assertThat(d.format()).isEqualTo("site.yaml:1:1: warning: no apiVersion: read as sitec.dev/v1\n"
                    + "    hint: add apiVersion: sitec.dev/v1 at the top, or run sitec migrate to move to sitec.dev/v2");
        });
        assertThat(result.files()).isNotEmpty();
    }
}
