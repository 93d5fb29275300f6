package dev.sitec.validate.rules;

import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.model.DatacenterManager;
import dev.sitec.model.Site;
import dev.sitec.validate.RuleContext;
import dev.sitec.validate.SiteRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** PDM runs in a VM of the site and manages clusters and backup servers of the site. */
public final class DatacenterManagerReferencesResolve implements SiteRule {

    @Override
    public List<Diagnostic> check(RuleContext context) {
        Site site = context.site();
        if (site.datacenterManager().isEmpty()) {
            return List.of();
        }
        DatacenterManager pdm = site.datacenterManager().get();
        List<Diagnostic> out = new ArrayList<>();
        References.resolveInto(out, context, pdm.origin().appendProperty("vm"), "datacenter_manager", "vm",
                pdm.vm(), site.vms().keySet());
        Set<String> remotes = new TreeSet<>(site.clusters().keySet());
        remotes.addAll(site.backupServers().keySet());
        for (int i = 0; i < pdm.remotes().size(); i++) {
            References.resolveInto(out, context, pdm.origin().appendProperty("remotes").appendIndex(i),
                    "datacenter_manager", "cluster or backup server", pdm.remotes().get(i), remotes);
        }
        return out;
    }
}
