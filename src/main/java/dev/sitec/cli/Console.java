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
        java.util.List<Diagnostic> all = compilation.diagnostics();
        all.stream().limit(SHOWN).forEach(d -> err.println(d.format()));
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
    static void replay(java.util.List<String> findings, PrintWriter err) {
        findings.forEach(err::println);
        long notes = findings.stream().filter(f -> f.lines().findFirst().orElse("").contains(": note: ")).count();
        if (!findings.isEmpty()) {
            err.println("0 errors, " + count(findings.size() - notes, "warning") + (notes > 0 ? ", " + count(notes, "note") : ""));
        }
        err.flush();
    }

    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
