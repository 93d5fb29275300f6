package dev.sitec.validate.rules;

import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.model.BackupServer;
import dev.sitec.validate.RuleContext;
import dev.sitec.validate.SiteRule;
import java.util.ArrayList;
import java.util.List;

/** What a backup server is asked to protect exists. */
public final class BackupReferencesResolve implements SiteRule {

    @Override
    public List<Diagnostic> check(RuleContext context) {
        List<Diagnostic> out = new ArrayList<>();
        for (BackupServer pbs : context.site().backupServers().values()) {
            for (int i = 0; i < pbs.protect().size(); i++) {
                References.resolveInto(out, context, pbs.origin().appendProperty("protect").appendIndex(i),
                        "backup server '" + pbs.name() + "'", "vm", pbs.protect().get(i), context.site().vms().keySet());
            }
        }
        return out;
    }
}
