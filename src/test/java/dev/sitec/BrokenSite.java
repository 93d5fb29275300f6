package dev.sitec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.diagnostic.Severity;
import dev.sitec.diagnostic.SourceLocation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The reference site with targeted edits, for tests that feed sitec a broken site and check the
 * exact findings. Expected positions are computed from the edited text, so tests say what they mean
 * ("at pve9 in the line of k3s-cp-1") instead of hard-coding line numbers.
 */
public final class BrokenSite {

    public static final Path REFERENCE = Path.of("site.yaml");

    private final String text;

    private BrokenSite(String text) {
        this.text = text;
    }

    public static BrokenSite reference() {
        try {
            return new BrokenSite(Files.readString(REFERENCE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The kept test site with the shapes real labs have (flat LAN, DHCP, installed nodes, containers, ...). */
    public static BrokenSite realLabs() {
        try {
            return new BrokenSite(Files.readString(Path.of("sites/real-labs.yaml")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static BrokenSite of(String text) {
        return new BrokenSite(text);
    }

    /** Replaces exactly one occurrence of {@code from}; fails the test if it is not there once. */
    public BrokenSite replace(String from, String to) {
        int first = text.indexOf(from);
        assertThat(first).as("text to replace: %s", from).isNotNegative();
        assertThat(text.indexOf(from, first + 1)).as("text to replace occurs once: %s", from).isNegative();
        return new BrokenSite(text.substring(0, first) + to + text.substring(first + from.length()));
    }

    /** Appends lines at the end of the file. */
    public BrokenSite append(String lines) {
        return new BrokenSite(text + lines);
    }

    public String text() {
        return text;
    }

    public Path writeTo(Path dir) {
        try {
            Path file = dir.resolve("site.yaml");
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Compilation validate(Path dir) {
        return new SiteCompiler().validate(writeTo(dir), "site.yaml");
    }

    /** The whole pipeline; fails the test if the site has errors. Files by path. */
    public java.util.Map<String, dev.sitec.render.RenderedFile> generate(Path dir) {
        Compilation result = new SiteCompiler().compile(writeTo(dir), "site.yaml");
        assertThat(result.diagnostics()).as("findings").noneMatch(Diagnostic::isError);
        java.util.Map<String, dev.sitec.render.RenderedFile> files = new java.util.TreeMap<>();
        result.files().forEach(f -> files.put(f.path(), f));
        return files;
    }

    public List<Diagnostic> diagnostics(Path dir) {
        return validate(dir).diagnostics();
    }

    /** The errors only (a kept site may carry a warning on purpose). */
    public List<Diagnostic> errors(Path dir) {
        return diagnostics(dir).stream().filter(Diagnostic::isError).toList();
    }

    /** Where {@code token} starts within the first line that contains {@code lineSnippet}. */
    public SourceLocation at(String lineSnippet, String token) {
        int snippet = text.indexOf(lineSnippet);
        assertThat(snippet).as("line snippet: %s", lineSnippet).isNotNegative();
        int lineStart = text.lastIndexOf('\n', snippet) + 1;
        int lineEnd = text.indexOf('\n', Math.max(snippet, lineStart));
        String line = text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd);
        int column = line.indexOf(token, snippet - lineStart);
        assertThat(column).as("token %s in line %s", token, line).isNotNegative();
        int lineNumber = (int) text.substring(0, lineStart).chars().filter(c -> c == '\n').count() + 1;
        return new SourceLocation("site.yaml", lineNumber, column + 1);
    }

    public Diagnostic error(String lineSnippet, String token, String message, String hint) {
        return new Diagnostic(Severity.ERROR, at(lineSnippet, token), message, Optional.ofNullable(hint));
    }

    public Diagnostic warning(String lineSnippet, String token, String message, String hint) {
        return new Diagnostic(Severity.WARNING, at(lineSnippet, token), message, Optional.ofNullable(hint));
    }

    public Diagnostic note(String lineSnippet, String token, String message, String hint) {
        return new Diagnostic(Severity.NOTE, at(lineSnippet, token), message, Optional.ofNullable(hint));
    }
}
