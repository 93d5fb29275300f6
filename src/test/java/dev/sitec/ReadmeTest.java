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

    @org.junit.jupiter.api.io.TempDir
    Path dir;

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

    /**
     * The README's clone example is sites/clones.yaml's images and VMs, written short: put in that
     * site in place of its own, it compiles without a finding and makes the same clone blocks.
     */
    @Test
    void theCloneExampleInTheReadmeIsTheKeptSitesImagesAndVms() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int section = readme.indexOf("### VMs cloned from a template VM");
        assertThat(section).isNotNegative();
        int start = readme.indexOf("```yaml\n", section) + "```yaml\n".length();
        String shown = readme.substring(start, readme.indexOf("```\n", start));
        String kept = Files.readString(Path.of("sites/clones.yaml"));
        String site = kept.substring(0, kept.indexOf("images:\n")) + shown.substring(0, shown.indexOf("vms:\n"))
                + kept.substring(kept.indexOf("proxmox:\n"), kept.indexOf("vms:\n")) + shown.substring(shown.indexOf("vms:\n"));
        Path file = dir.resolve("site.yaml");
        Files.writeString(file, site);
        Compilation fromReadme = new SiteCompiler().compile(file, "site.yaml");
        Compilation fromKept = new SiteCompiler().compile(Path.of("sites/clones.yaml"), "site.yaml");
        assertThat(fromReadme.diagnostics()).isEmpty();
        assertThat(clones(fromReadme)).isNotEmpty().isEqualTo(clones(fromKept));
    }

    private static java.util.List<String> clones(Compilation compiled) {
        return compiled.files().stream().filter(f -> f.path().equals("terraform/clusters/home/main.tf"))
                .flatMap(f -> f.text().lines()).filter(l -> l.strip().startsWith("clone ")).toList();
    }
}
