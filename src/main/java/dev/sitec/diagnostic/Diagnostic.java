package dev.sitec.diagnostic;

import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * One finding about the input, located in its source: {@code site.yaml:12:5: error: message},
 * optionally followed by a hint that says how to fix it.
 */
public record Diagnostic(Severity severity, SourceLocation location, String message, Optional<String> hint) {

    /** Findings in reading order; at one position errors before warnings, then by message. */
    public static final Comparator<Diagnostic> IN_SOURCE_ORDER = Comparator
            .comparing(Diagnostic::location)
            .thenComparing(Diagnostic::severity)
            .thenComparing(Diagnostic::message);

    public Diagnostic {
        Objects.requireNonNull(severity);
        Objects.requireNonNull(location);
        Objects.requireNonNull(message);
        Objects.requireNonNull(hint);
    }

    public static Diagnostic error(SourceLocation location, String message) {
        return new Diagnostic(Severity.ERROR, location, message, Optional.empty());
    }

    public static Diagnostic warning(SourceLocation location, String message) {
        return new Diagnostic(Severity.WARNING, location, message, Optional.empty());
    }

    public static Diagnostic note(SourceLocation location, String message) {
        return new Diagnostic(Severity.NOTE, location, message, Optional.empty());
    }

    public Diagnostic withHint(String newHint) {
        return new Diagnostic(severity, location, message, Optional.ofNullable(newHint));
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The compiler-style text: one line, plus an indented hint line where there is one. */
    public String format() {
        String line = location + ": " + severity.label() + ": " + message;
        return hint.map(h -> line + "\n    hint: " + h).orElse(line);
    }
}
