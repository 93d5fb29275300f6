package dev.sitec.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Hostile values survive each format's escaping unchanged: each escaped value, put inside that
 * format's quotes, parses back (with the format's own parser) to exactly the original.
 */
class EscapersTest {

    static List<String> hostile() {
        return List.of(
                "plain",
                "",
                "with \"double\" and 'single' quotes",
                "back\\slash and trailing\\",
                "new\nline, tab\t, carriage\rreturn",
                "${var.secret} and %{ if true }x%{ endif }",
                "$${already} %%{doubled}",
                "ends with $",
                "# not a comment",
                "key: value, [list], {map}, &anchor *alias !tag",
                "yes",
                "0755",
                "\u0000nul and \u0007bell and \u001bescape and \u007fdel",
                "unicode: ü, 日本, emoji 🎉, nbsp\u00a0, next-line\u0085, line-sep\u2028",
                "`backticks` $(subshell) ; rm -rf / && echo pwned |",
                "'; DROP TABLE vms; --");
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void yamlRoundTrips(String value) throws IOException {
        String doc = "v: \"" + Escapers.yaml(value) + "\"\n";
        assertThat(new YAMLMapper().readTree(doc).get("v").asText()).isEqualTo(value);
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void tomlRoundTrips(String value) throws IOException {
        String doc = "v = \"" + Escapers.toml(value) + "\"\n";
        assertThat(new TomlMapper().readTree(doc).get("v").asText()).isEqualTo(value);
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void jsonRoundTrips(String value) throws IOException {
        String doc = "{\"v\": \"" + Escapers.json(value) + "\"}";
        assertThat(new JsonMapper().readTree(doc).get("v").asText()).isEqualTo(value);
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void shellRoundTripsThroughARealShell(String value) throws Exception {
        if (value.indexOf('\0') >= 0) {
            return; // no shell word can hold NUL; Escapers.shell refuses it (tested below)
        }
        Process sh = new ProcessBuilder("sh", "-c", "printf '%s' '" + Escapers.shell(value) + "'")
                .redirectErrorStream(true).start();
        String out = new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(sh.waitFor()).isZero();
        assertThat(out).isEqualTo(value);
    }

    @Test
    void shellRefusesNul() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Escapers.shell("a\0b"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hclEscapesQuotesBackslashesAndTemplateSequences() {
        assertThat(Escapers.hcl("say \"hi\"\\n")).isEqualTo("say \\\"hi\\\"\\\\n");
        assertThat(Escapers.hcl("${var.x} %{ if } $5 %d")).isEqualTo("$${var.x} %%{ if } $5 %d");
        assertThat(Escapers.hcl("a\nb\tc\u0001")).isEqualTo("a\\nb\\tc\\u0001");
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void hclEscapingLeavesNoUnescapedQuoteOrInterpolation(String value) {
        String escaped = Escapers.hcl(value);
        // Undo HCL's escapes by hand (the real parser checks whole files in the harness).
        StringBuilder decoded = new StringBuilder();
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            assertThat(c).as("raw quote or newline in %s", escaped).isNotIn('"', '\n', '\r');
            if (c == '\\') {
                char e = escaped.charAt(++i);
                switch (e) {
                    case 'n' -> decoded.append('\n');
                    case 'r' -> decoded.append('\r');
                    case 't' -> decoded.append('\t');
                    case 'u' -> {
                        decoded.append((char) Integer.parseInt(escaped.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                    default -> decoded.append(e);
                }
            } else if ((c == '$' || c == '%') && i + 1 < escaped.length() && escaped.charAt(i + 1) == c
                    && i + 2 < escaped.length() && escaped.charAt(i + 2) == '{') {
                decoded.append(c);
                i++;
            } else {
                assertThat(c == '$' || c == '%' ? (i + 1 < escaped.length() ? escaped.charAt(i + 1) : ' ') : ' ')
                        .as("live interpolation in %s", escaped).isNotEqualTo('{');
                decoded.append(c);
            }
        }
        assertThat(decoded.toString()).isEqualTo(value);
    }
}
