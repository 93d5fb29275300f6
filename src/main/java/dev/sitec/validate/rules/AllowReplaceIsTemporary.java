package dev.sitec.validate.rules;

import com.fasterxml.jackson.core.JsonPointer;
import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.validate.RuleContext;
import dev.sitec.validate.SiteRule;
import java.util.ArrayList;
import java.util.List;

/**
 * allow_replace lifts a pet's protection (Terraform may destroy it) and is meant for the one
 * generation that replaces or deletes it: while it is set, say so. On cattle it means nothing.
 */
public final class AllowReplaceIsTemporary implements SiteRule {

    @Override
    public List<Diagnostic> check(RuleContext context) {
        List<Diagnostic> out = new ArrayList<>();
        context.site().vms().values().stream().filter(vm -> vm.allowReplace())
                .forEach(vm -> out.add(finding(context, "vm", vm.name(), vm.isPet(), vm.origin())));
        context.site().containers().values().stream().filter(ct -> ct.allowReplace())
                .forEach(ct -> out.add(finding(context, "container", ct.name(), ct.isPet(), ct.origin())));
        return out;
    }

    private static Diagnostic finding(RuleContext context, String kind, String name, boolean pet, JsonPointer origin) {
        JsonPointer at = origin.appendProperty("allow_replace");
        if (!pet) {
            return context.warningAtKey(at, "allow_replace on cattle " + kind + " '" + name + "' changes nothing:"
                    + " only pets are protected").withHint("remove it");
        }
        return context.warningAtKey(at, "allow_replace lifts the protection of pet " + kind + " '" + name
                + "': Terraform may destroy it and its data")
                .withHint("apply the change it is for, then remove allow_replace and generate again");
    }
}
