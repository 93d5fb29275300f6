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
            for (K3sNodeEntries node : K3sNodeEntries.of(k8s)) {
                Kubernetes other = first.putIfAbsent(node.name(), k8s);
                if (other != null && other != k8s) {
                    out.add(context.errorAt(node.at(), "'" + node.name() + "' is a node of K3s cluster '" + other.name()
                                    + "' already; a host runs one K3s")
                            .withHint("take it out of one of the clusters"));
                }
            }
        }
        return out;
    }
}
