package dev.sitec.family.runbook;

import dev.sitec.model.Site;
import java.util.List;

/** What the runbook shows: the site, and the hosts and guests it holds, by name. */
public record RunbookView(String siteName, String domain, List<String> clusters, List<String> backupServers,
                          List<String> vms, List<String> containers, List<String> machines, boolean hasKubernetes,
                          String diagram) {

    public static RunbookView of(Site site) {
        return new RunbookView(site.info().name(), site.info().domain(), List.copyOf(site.clusters().keySet()),
                List.copyOf(site.backupServers().keySet()), List.copyOf(site.vms().keySet()), List.copyOf(site.containers().keySet()),
                List.copyOf(site.machines().keySet()), !site.kubernetes().isEmpty(), TopologyDiagram.of(site));
    }
}
