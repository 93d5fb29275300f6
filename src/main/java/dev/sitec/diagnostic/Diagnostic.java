package dev.sitec.diagnostic;

import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * One finding about the input, located in its source: {@code site.yaml:12:5: error: message},
 * optionally followed by a hint that says how to fix it. {@code rule} names what found it (a
 * semantic rule's class, or yaml, schema, change-safety) for machine-readable reports; it is not
 * part of what the finding is, so two findings with the same text at the same place are equal.
 */
public record Diagnostic(Severity severity, SourceLocation location, String message, Optional<String> hint, String rule) {

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
        Objects.requireNonNull(rule);
    }

    public Diagnostic(Severity severity, SourceLocation location, String message, Optional<String> hint) {
        this(severity, location, message, hint, "");
    }

    /** The same finding, saying what found it (kept when it says so already). */
    public Diagnostic foundBy(String finder) {
        return rule.isEmpty() ? new Diagnostic(severity, location, message, hint, finder) : this;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Diagnostic d && severity == d.severity && location.equals(d.location)
                && message.equals(d.message) && hint.equals(d.hint);
    }

    @Override
    public int hashCode() {
        return Objects.hash(severity, location, message, hint);
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
        return new Diagnostic(severity, location, message, Optional.ofNullable(newHint), rule);
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
