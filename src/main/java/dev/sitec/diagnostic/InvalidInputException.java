package dev.sitec.diagnostic;

import java.util.List;

/** Thrown by a pipeline stage whose input has errors; carries every finding of that stage. */
public final class InvalidInputException extends Exception {

    private final List<Diagnostic> diagnostics;

    public InvalidInputException(List<Diagnostic> diagnostics) {
        super(diagnostics.size() + " problem(s) in the input", null, false, false);
        this.diagnostics = diagnostics.stream().sorted(Diagnostic.IN_SOURCE_ORDER).toList();
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
