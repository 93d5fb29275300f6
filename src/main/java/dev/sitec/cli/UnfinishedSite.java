package dev.sitec.cli;

import dev.sitec.Compilation;
import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.validate.rules.PlaceholdersReplaced;
import java.util.List;

/**
 * A site sitec wrote for a person to finish (init's starter, an import): it holds placeholders for
 * what only the person knows, which validation refuses until they are replaced; anything else it
 * refuses is a finding of its own.
 */
final class UnfinishedSite {

    private UnfinishedSite() {
    }

    /** The errors that are not the placeholders' own. */
    static List<Diagnostic> otherErrors(Compilation check) {
        return check.diagnostics().stream()
                .filter(d -> d.isError() && !d.rule().equals(PlaceholdersReplaced.class.getSimpleName())).toList();
    }

    /** Whether anything is left for the person to replace. */
    static boolean hasPlaceholders(Compilation check) {
        return check.diagnostics().stream().anyMatch(d -> d.rule().equals(PlaceholdersReplaced.class.getSimpleName()));
    }
}
