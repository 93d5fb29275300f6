package dev.sitec.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.core.JsonPointer;
import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.diagnostic.InvalidInputException;
import dev.sitec.diagnostic.SourceLocation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteLoaderTest {

    private final SiteLoader loader = new SiteLoader();

    private List<String> errors(String yaml) {
        try {
            loader.parse(yaml, "site.yaml");
        } catch (InvalidInputException e) {
            return e.diagnostics().stream().map(Diagnostic::format).toList();
        }
        throw new AssertionError("expected the loader to refuse:\n" + yaml);
    }

    @Test
    void recordsThePositionOfEveryKeyAndValue() throws Exception {
        SourceDocument doc = loader.parse("site:\n  name: lab\nvms:\n  a: { node: pve1 }\n", "site.yaml");
        SourceMap sources = doc.sources();
        assertThat(sources.key(JsonPointer.compile("/site/name"))).isEqualTo(new SourceLocation("site.yaml", 2, 3));
        assertThat(sources.value(JsonPointer.compile("/site/name"))).isEqualTo(new SourceLocation("site.yaml", 2, 9));
        assertThat(sources.value(JsonPointer.compile("/vms/a/node"))).isEqualTo(new SourceLocation("site.yaml", 4, 14));
        // A pointer below a value falls back to the nearest ancestor that exists.
        assertThat(sources.value(JsonPointer.compile("/vms/a/node/x"))).isEqualTo(new SourceLocation("site.yaml", 4, 14));
    }

    @Test
    void readsYaml12CoreSchemaSoNorwayAndMacsStayStrings() throws Exception {
        SourceDocument doc = loader.parse("country: no\nmac: 12:34:56:78:90:12\nvlan: 10\non: true\n", "site.yaml");
        assertThat(doc.root().get("country").isTextual()).isTrue();
        assertThat(doc.root().get("mac").asText()).isEqualTo("12:34:56:78:90:12");
        assertThat(doc.root().get("vlan").isInt()).isTrue();
        assertThat(doc.root().get("on").isBoolean()).isTrue();
    }

    @Test
    void reportsEveryDuplicateKeyWithBothPositions() {
        assertThat(errors("a: 1\nb: 2\na: 3\nc:\n  x: 1\n  x: 2\n")).containsExactly(
                "site.yaml:3:1: error: duplicate key 'a'\n    hint: 'a' is already defined at line 1; remove or rename one of them",
                "site.yaml:6:3: error: duplicate key 'x'\n    hint: 'x' is already defined at line 5; remove or rename one of them");
    }

    @Test
    void locatesSyntaxErrors() {
        assertThat(errors("site:\n  name: [unclosed\n")).containsExactly(
                "site.yaml:2:9: error: invalid YAML: this '[' opens a list that is never closed\n    hint: end it with ']'");
    }

    /** Issue 25: the parser's tokens ("expected <block end>, but found '<block mapping start>'") in a person's words. */
    @Test
    void aKeyIndentedMoreThanTheKeyAboveItIsToldToLineUp() {
        assertThat(errors("vms:\n  a:\n    node: pve1\n      cores: 2\n")).containsExactly(
                "site.yaml:4:7: error: invalid YAML: this line is indented more than the key above it expects: a key must"
                        + " line up with the keys of its map\n    hint: indent 'cores' as 'node' on line 3 (column 5)");
    }

    @Test
    void aKeyBetweenTwoMapsColumnsIsToldWhichColumnsThereAre() {
        assertThat(errors("vms:\n  a:\n    node: pve1\n   cores: 2\n")).containsExactly(
                "site.yaml:4:4: error: invalid YAML: this line's indentation lines up with no map above it: a key must line"
                        + " up with the keys of its map\n    hint: indent 'cores' as 'node' on line 3 (column 5), or as 'a' on"
                        + " line 2 (column 3)");
        assertThat(errors(" a: 1\nb: 2\n")).containsExactly("site.yaml:2:1: error: invalid YAML: this line's indentation lines up"
                + " with no map above it: a key must line up with the keys of its map\n    hint: indent 'b' as 'a' on line 1 (column 2)");
    }

    @Test
    void otherCommonSyntaxErrorsAreWordedToo() {
        assertThat(errors("site:\n\tname: lab\n")).containsExactly("site.yaml:2:1: error: invalid YAML: a tab indents this line:"
                + " YAML indents with spaces only\n    hint: replace the tab with spaces, as on the lines around it");
        assertThat(errors("site:\n  name: lab\n  - x\n")).containsExactly("site.yaml:3:3: error: invalid YAML: a list item ('- ')"
                + " stands among the keys of a map: a map holds 'key: value' lines, a list '- item' lines\n    hint: put the"
                + " items under a key of their own (the key alone on its line, the items indented below it)");
        assertThat(errors("a:\n  - x\n  y: 1\n")).containsExactly("site.yaml:3:3: error: invalid YAML: a key stands among the"
                + " items of a list: a list holds '- item' lines, a map 'key: value' lines\n    hint: start it with '- ' to make"
                + " it an item, or indent it as the key that holds the list");
        assertThat(errors("site:\n  name: lab\n  x\n")).containsExactly("site.yaml:3:3: error: invalid YAML: this line is"
                + " neither 'key: value' nor a list item: a key needs ':' after it\n    hint: to continue the value above on"
                + " this line, put that value in quotes");
        assertThat(errors("a: b: c\n")).containsExactly("site.yaml:1:5: error: invalid YAML: a value cannot hold ': ' unless it"
                + " is quoted (this reads as a second key on the line)\n    hint: put the value in quotes, or start its map on a"
                + " line of its own");
        assertThat(errors("site:\n  name: \"lab\n")).containsExactly("site.yaml:2:9: error: invalid YAML: the quote (\") that"
                + " starts this value is never closed\n    hint: end the value with \" on the same line");
        assertThat(errors("vms:\n  a: { node: pve1\n  b: 2\n")).containsExactly("site.yaml:3:4: error: invalid YAML: the map"
                + " opened with '{' on line 2 (column 6) is not closed before this\n    hint: end it with '}', and separate its"
                + " items with ','");
        assertThat(errors("site: &x\n  a: *y\n")).containsExactly("site.yaml:2:6: error: invalid YAML: *y refers to no anchor &y"
                + " above it\n    hint: a value that starts with '*' must be quoted");
    }

    /**
     * Reproducers from the fuzzing run: a 100,000-deep flow sequence and a 5,000-deep block mapping
     * overflowed the stack in the YAML composer. The bound holds before anything recurses.
     */
    @Test
    void refusesDeepNestingBeforeAnythingRecurses() {
        assertThat(errors("site: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n")).containsExactly(
                "site.yaml:1:70: error: document nests deeper than 64 levels");
        StringBuilder block = new StringBuilder("site:\n");
        for (int i = 0; i < 5000; i++) {
            block.append(" ".repeat(i + 1)).append("a").append(i).append(":\n");
        }
        assertThat(errors(block.toString())).containsExactly("site.yaml:65:65: error: document nests deeper than 64 levels");
    }

    @Test
    void refusesAliasBombs() {
        StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 10; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 10; j++) {
                yaml.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            yaml.append("]\n");
        }
        // 10^10 values if expanded. Counted on the composed graph, nothing is expanded: the error points
        // at the anchor whose copies first pass the bound (&a5, 10^6 values; a4 has 10^5).
        assertThat(errors(yaml.toString())).containsExactly("site.yaml:6:5: error: document expands to more than 300000 values\n"
                + "    hint: check YAML aliases (*name) that repeat large or recursive parts");
    }

    /** The fuzzing run's reproducer, at the bound: 2 bytes a value, a 4 MB file of scalars. */
    @Test
    void refusesMoreNodesThanTheBoundBeforeComposingThem() {
        String yaml = "x: [" + "1,".repeat(LoadLimits.DEFAULT.maxNodes()) + "1]\n";
        // The root map, the key x and the list are three nodes: the bound is passed at the list's
        // (maxNodes - 2)th item, two columns each from column 5.
        assertThat(errors(yaml)).containsExactly("site.yaml:1:" + (5 + 2 * (LoadLimits.DEFAULT.maxNodes() - 3))
                + ": error: document holds more than 300000 keys and values\n"
                + "    hint: a site this large is beyond what sitec is built for; split it, or report it");
    }

    /**
     * A guard on complexity, not a benchmark: a 4 MB scalar took snakeyaml-engine about ten seconds
     * with its default 1 KiB read buffer (each refill copied what was left: quadratic in the length)
     * and is parsed in a fraction of a second with the whole text in one buffer.
     */
    @Test
    void aLongScalarIsReadInLinearTime() {
        String yaml = "a: \"" + "x".repeat(4_000_000) + "\"\n";
        assertTimeoutPreemptively(java.time.Duration.ofSeconds(5), () -> {
            SourceDocument document = loader.parse(yaml, "site.yaml");
            assertThat(document.root().path("a").asText()).hasSize(4_000_000);
        });
    }

    @Test
    void refusesTooManyAliases() {
        StringBuilder yaml = new StringBuilder("base: &b {x: 1}\nlist:\n");
        for (int i = 0; i < 150; i++) {
            yaml.append("  - *b\n");
        }
        assertThat(errors(yaml.toString())).singleElement().asString().contains("error: invalid YAML:");
    }

    @Test
    void refusesRecursiveAliases() {
        assertThat(errors("a: &a\n  - *a\n")).singleElement().asString().contains("error:");
    }

    @Test
    void refusesMoreThanOneDocument() {
        assertThat(errors("a: 1\n---\nb: 2\n")).containsExactly(
                "site.yaml:3:1: error: site.yaml holds more than one YAML document\n    hint: remove the '---' separator");
    }

    @Test
    void refusesAnEmptyFile() {
        assertThat(errors("# nothing here\n")).containsExactly(
                "site.yaml:1:1: error: site.yaml is empty\n    hint: start from the reference site.yaml");
    }

    @Test
    void refusesFilesOverTheSizeBound(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("site.yaml");
        Files.writeString(file, "a: " + "x".repeat(2000) + "\n");
        SiteLoader small = new SiteLoader(new LoadLimits(1000, 10, 1000, 10));
        assertThatThrownBy(() -> small.load(file, "site.yaml"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.diagnostics())
                        .singleElement().extracting(Diagnostic::format)
                        .isEqualTo("site.yaml:1:1: error: site.yaml is 2004 bytes; sitec reads at most 1000 bytes"));
    }

    @Test
    void refusesInvalidUtf8(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("site.yaml");
        Files.write(file, new byte[] {'a', ':', ' ', (byte) 0xff, '\n'});
        assertThatThrownBy(() -> loader.load(file, "site.yaml"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.diagnostics())
                        .singleElement().extracting(Diagnostic::format)
                        .isEqualTo("site.yaml:1:1: error: site.yaml is not valid UTF-8\n    hint: save the file as UTF-8"));
    }

    @Test
    void saysWhenTheFileIsMissing(@TempDir Path dir) {
        assertThatThrownBy(() -> loader.load(dir.resolve("nope.yaml"), "nope.yaml"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.diagnostics())
                        .singleElement().extracting(Diagnostic::format).asString()
                        .startsWith("nope.yaml:1:1: error: cannot read nope.yaml: no such file"));
    }

    @Test
    void keysMustBeScalars() {
        assertThat(errors("? [a, b]\n: 1\n")).containsExactly(
                "site.yaml:1:3: error: a key must be a plain name, not a list or map");
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
