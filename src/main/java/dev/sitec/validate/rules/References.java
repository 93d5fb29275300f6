package dev.sitec.validate.rules;

import com.fasterxml.jackson.core.JsonPointer;
import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.diagnostic.Hints;
import dev.sitec.validate.RuleContext;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The one way every rule reports a name that refers to nothing. */
final class References {

    private References() {
    }

    /**
     * An error at {@code at} when {@code name} is not among {@code known}: "vm 'x' refers to unknown
     * node 'pve9'", with the closest known name as a hint.
     */
    static Optional<Diagnostic> resolve(RuleContext context, JsonPointer at, String owner, String kind,
                                        String name, Collection<String> known) {
        if (known.contains(name)) {
            return Optional.empty();
        }
        return Optional.of(context.errorAt(at, owner + " refers to unknown " + kind + " '" + name + "'")
                .withHint(Hints.didYouMean(name, known, kind + "s").orElse(null)));
    }

    static void resolveInto(List<Diagnostic> out, RuleContext context, JsonPointer at, String owner, String kind,
                            String name, Collection<String> known) {
        resolve(context, at, owner, kind, name, known).ifPresent(out::add);
    }
}
