package dev.sitec.validate.rules;

import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.model.Kubernetes;
import dev.sitec.validate.RuleContext;
import dev.sitec.validate.SiteRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A host runs one K3s: it can be a node of one cluster only. */
public final class HostsInOneCluster implements SiteRule {

    @Override
    public List<Diagnostic> check(RuleContext context) {
        Map<String, Kubernetes> first = new HashMap<>();
        List<Diagnostic> out = new ArrayList<>();
        for (Kubernetes k8s : context.site().kubernetes().values()) {
            for (String list : List.of("servers", "agents")) {
                List<String> names = list.equals("servers") ? k8s.servers() : k8s.agents();
                for (int i = 0; i < names.size(); i++) {
                    Kubernetes other = first.putIfAbsent(names.get(i), k8s);
                    if (other != null && other != k8s) {
                        out.add(context.errorAt(k8s.origin().appendProperty(list).appendIndex(i), "'" + names.get(i)
                                        + "' is a node of K3s cluster '" + other.name() + "' already; a host runs one K3s")
                                .withHint("take it out of one of the clusters"));
                    }
                }
            }
        }
        return out;
    }
}
