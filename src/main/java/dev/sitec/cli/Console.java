package dev.sitec.cli;

import dev.sitec.Compilation;
import dev.sitec.diagnostic.Diagnostic;
import java.io.PrintWriter;

/** Prints findings the way compilers do, then a one-line count. */
final class Console {

    private Console() {
    }

    /** A person reads the first findings; a million more only bury them (the count says how many there are). */
    static final int SHOWN = 100;

    static void report(Compilation compilation, PrintWriter err) {
        report(compilation, err, false);
    }

    static void report(Compilation compilation, PrintWriter err, boolean colour) {
        java.util.List<Diagnostic> all = compilation.diagnostics();
        all.stream().limit(SHOWN).forEach(d -> err.println(paint(d.format(), colour)));
        if (all.size() > SHOWN) {
            err.println("... and " + (all.size() - SHOWN) + " more");
        }
        long errors = compilation.diagnostics().stream().filter(Diagnostic::isError).count();
        long notes = compilation.diagnostics().stream().filter(d -> d.severity() == dev.sitec.diagnostic.Severity.NOTE).count();
        long warnings = compilation.diagnostics().size() - errors - notes;
        if (errors > 0 || warnings > 0 || notes > 0) {
            err.println(count(errors, "error") + ", " + count(warnings, "warning") + (notes > 0 ? ", " + count(notes, "note") : ""));
        }
        err.flush();
    }

    /** Prints findings remembered from the run that the stamp describes. */
    static void replay(java.util.List<String> findings, PrintWriter err, boolean colour) {
        findings.forEach(f -> err.println(paint(f, colour)));
        long notes = findings.stream().filter(f -> f.lines().findFirst().orElse("").contains(": note: ")).count();
        if (!findings.isEmpty()) {
            err.println("0 errors, " + count(findings.size() - notes, "warning") + (notes > 0 ? ", " + count(notes, "note") : ""));
        }
        err.flush();
    }

    /**
     * Colour for a person at a terminal: bin/sitec sets SITEC_TERMINAL=1 when its stderr is one (the
     * daemon cannot see the client's terminal), and NO_COLOR (no-color.org), when set, turns it off.
     */
    static boolean colour(Invocation invocation) {
        return invocation.env("SITEC_TERMINAL").filter("1"::equals).isPresent()
                && invocation.env("NO_COLOR").filter(v -> !v.isEmpty()).isEmpty();
    }

    private static final java.util.regex.Pattern LABEL = java.util.regex.Pattern.compile("^(\\S+: )(error|warning|note)(: )");

    /** The finding with its severity in colour (bold red, yellow, cyan), when colour is on. */
    static String paint(String formatted, boolean colour) {
        if (!colour) {
            return formatted;
        }
        java.util.regex.Matcher m = LABEL.matcher(formatted);
        if (!m.find()) {
            return formatted;
        }
        String code = switch (m.group(2)) {
            case "error" -> "1;31";
            case "warning" -> "1;33";
            default -> "1;36";
        };
        return m.group(1) + "\u001b[" + code + "m" + m.group(2) + "\u001b[0m" + m.group(3) + formatted.substring(m.end());
    }

    /** A word as a shell reads it: as it is when it is plain, else in single quotes. */
    static String shellWord(String word) {
        return word.matches("[A-Za-z0-9._/=:@%+-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
