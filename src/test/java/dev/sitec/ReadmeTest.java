package dev.sitec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's minimal site is sites/minimal.yaml (which the real tools check, scripts/validate-sites)
 * without its header comment, and stays under 30 lines.
 */
class ReadmeTest {

    @Test
    void theMinimalSiteInTheReadmeIsTheKeptOne() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int section = readme.indexOf("## A small lab");
        assertThat(section).isNotNegative();
        int start = readme.indexOf("```yaml\n", section) + "```yaml\n".length();
        String shown = readme.substring(start, readme.indexOf("```\n", start));
        String kept = Files.readString(Path.of("sites/minimal.yaml"));
        assertThat(kept.substring(kept.indexOf("\napiVersion:") + 1)).isEqualTo(shown);
        assertThat(shown.lines().count()).isLessThan(30);
        assertThat(new SiteCompiler().compile(Path.of("sites/minimal.yaml"), "site.yaml").diagnostics()).isEmpty();
    }
}
