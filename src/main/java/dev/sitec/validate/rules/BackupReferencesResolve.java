package dev.sitec.validate.rules;

import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.model.BackupServer;
import dev.sitec.validate.RuleContext;
import dev.sitec.validate.SiteRule;
import java.util.ArrayList;
import java.util.List;

/** What a backup server is asked to protect, and the clusters it serves, exist. */
public final class BackupReferencesResolve implements SiteRule {

    @Override
    public List<Diagnostic> check(RuleContext context) {
        List<Diagnostic> out = new ArrayList<>();
        java.util.Set<String> guests = new java.util.TreeSet<>(context.site().vms().keySet());
        guests.addAll(context.site().containers().keySet());
        for (BackupServer pbs : context.site().backupServers().values()) {
            String owner = "backup server '" + pbs.name() + "'";
            for (int i = 0; i < pbs.protect().size(); i++) {
                References.resolveInto(out, context, pbs.origin().appendProperty("protect").appendIndex(i),
                        owner, "vm or container", pbs.protect().get(i), guests);
            }
            for (int i = 0; i < pbs.clusters().size(); i++) {
                References.resolveInto(out, context, pbs.origin().appendProperty("clusters").appendIndex(i),
                        owner, "cluster", pbs.clusters().get(i), context.site().clusters().keySet());
            }
        }
        return out;
    }
}
