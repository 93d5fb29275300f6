package dev.sitec.validate.rules;

import com.fasterxml.jackson.core.JsonPointer;
import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.model.Kubernetes;
import dev.sitec.model.Site;
import dev.sitec.validate.RuleContext;
import dev.sitec.validate.SiteRule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * K3s servers and agents are VMs or machines of the site, each in one role only; the NFS server is
 * a VM of the site.
 */
public final class KubernetesReferencesResolve implements SiteRule {

    @Override
    public List<Diagnostic> check(RuleContext context) {
        List<Diagnostic> out = new ArrayList<>();
        context.site().kubernetes().values().forEach(k8s -> check(context, k8s, out));
        return out;
    }

    private static void check(RuleContext context, Kubernetes k8s, List<Diagnostic> out) {
        Site site = context.site();
        Set<String> hosts = new TreeSet<>(site.vms().keySet());
        hosts.addAll(site.machines().keySet());
        Set<String> servers = new HashSet<>(k8s.servers());
        members(out, context, k8s.origin().appendProperty("servers"), k8s.servers(), k8s.key() + ".servers", hosts);
        members(out, context, k8s.origin().appendProperty("agents"), k8s.agents(), k8s.key() + ".agents", hosts);
        for (int i = 0; i < k8s.agents().size(); i++) {
            String agent = k8s.agents().get(i);
            if (servers.contains(agent)) {
                out.add(context.errorAt(k8s.origin().appendProperty("agents").appendIndex(i),
                        "'" + agent + "' is listed as both a server and an agent")
                        .withHint("K3s servers run workloads too; list it under servers only"));
            }
        }
        k8s.nfs().ifPresent(nfs -> References.resolveInto(out, context,
                k8s.origin().appendProperty("storage").appendProperty("nfs").appendProperty("server"),
                k8s.key() + ".storage.nfs", "vm", nfs.server(), site.vms().keySet()));
    }

    private static void members(List<Diagnostic> out, RuleContext context, JsonPointer at, List<String> names,
                                String owner, Set<String> hosts) {
        for (int i = 0; i < names.size(); i++) {
            References.resolveInto(out, context, at.appendIndex(i), owner, "vm or machine", names.get(i), hosts);
        }
    }
}
