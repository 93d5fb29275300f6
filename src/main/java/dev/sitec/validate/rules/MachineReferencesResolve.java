package dev.sitec.validate.rules;

import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.model.Machine;
import dev.sitec.validate.RuleContext;
import dev.sitec.validate.SiteRule;
import java.util.ArrayList;
import java.util.List;

/** A machine's image exists. */
public final class MachineReferencesResolve implements SiteRule {

    @Override
    public List<Diagnostic> check(RuleContext context) {
        List<Diagnostic> out = new ArrayList<>();
        for (Machine machine : context.site().machines().values()) {
            References.resolveInto(out, context, machine.origin().appendProperty("image"),
                    "machine '" + machine.name() + "'", "image", machine.image(), context.site().images().keySet());
        }
        return out;
    }
}
