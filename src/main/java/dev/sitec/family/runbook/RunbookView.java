package dev.sitec.family.runbook;

import dev.sitec.model.Site;
import java.util.List;

/** What the runbook shows: the site, and the hosts and VMs it holds. */
public record RunbookView(String siteName, String domain, List<String> clusters, List<String> backupServers,
                          int vmCount, int machineCount, boolean hasKubernetes) {

    public static RunbookView of(Site site) {
        return new RunbookView(site.info().name(), site.info().domain(), List.copyOf(site.clusters().keySet()),
                List.copyOf(site.backupServers().keySet()), site.vms().size(), site.machines().size(),
                site.kubernetes().isPresent());
    }
}
