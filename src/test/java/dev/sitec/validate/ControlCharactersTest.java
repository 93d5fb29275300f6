package dev.sitec.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitec.BrokenSite;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Control characters are refused where they are written, before the schema, keys and values alike. */
class ControlCharactersTest {

    @TempDir
    Path dir;

    private static final String ISO = "https://download.truenas.com/TrueNAS-SCALE-Fangtooth/25.04.2/TrueNAS-SCALE-25.04.2.iso";

    /** Reproducer from the fuzzing run: a NUL in an ISO URL ended in exit 3 ("a shell word cannot hold a NUL character"). */
    @Test
    void aNulInAValueIsALocatedError() {
        BrokenSite site = BrokenSite.reference().replace("url: " + ISO + "\n", "url: \"" + ISO + "\\u0000\"\n");
        assertThat(site.diagnostics(dir)).containsExactly(site.error("url: \"" + ISO, "\"https",
                "the value holds the control character U+0000", "remove it; only tabs and line breaks may be in a value"));
    }

    @Test
    void anEscapeOrDeleteInAKeyOrValueIsRefusedAndTabsAndNewlinesAreNot() {
        BrokenSite site = BrokenSite.reference().replace("      values: { replicaCount: 2 }",
                "      values: { \"replica\\u001bCount\": 2, note: \"a\\u007fb\" }");
        assertThat(site.diagnostics(dir)).containsExactly(
                site.error("values: { \"replica", "\"replica", "a key holds the control character U+001B",
                        "remove it: keys are names, plain text"),
                site.error("note: \"a", "\"a", "the value holds the control character U+007F",
                        "remove it; only tabs and line breaks may be in a value"));
        assertThat(BrokenSite.reference().replace("      values: { replicaCount: 2 }",
                "      values: { replicaCount: 2, note: \"tab\\there\\nnext line\" }").diagnostics(dir)).isEmpty();
    }

    @Test
    void firstControlFindsTheFirstOne() {
        assertThat(ControlCharacters.firstControl("plain\ttext\n")).isEqualTo(-1);
        assertThat(ControlCharacters.firstControl("a\u0085b\u0000")).isEqualTo(1);
    }
}
