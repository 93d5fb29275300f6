package dev.sitec.validate.rules;

import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.model.K3sNodes;
import dev.sitec.model.Kubernetes;
import dev.sitec.validate.RuleContext;
import dev.sitec.validate.SiteRule;
import java.util.ArrayList;
import java.util.List;

/**
 * Without api_vip the API is the first server's address: kubectl, the kubeconfig and every node that
 * joins reach the cluster there only, so with several servers the API has no failover (joined agents
 * keep to the other servers through K3s's own client load balancer, but nothing new gets in). A
 * warning, for a cluster of several servers; one server has no failover with a VIP either.
 */
public final class ApiWithoutVipHasNoFailover implements SiteRule {

    @Override
    public List<Diagnostic> check(RuleContext context) {
        List<Diagnostic> out = new ArrayList<>();
        for (Kubernetes k8s : context.site().kubernetes().values()) {
            if (k8s.apiVip().isPresent() || k8s.apiAddress().isEmpty() || k8s.servers().size() < 2) {
                continue; // a first server without a static address is reported by StaticAddressesWhereNeeded
            }
            String first = k8s.servers().get(0);
            String network = K3sNodes.apiNetwork(context.site(), k8s).map(n -> " on network '" + n.name() + "'").orElse("");
            out.add(context.warningAtKey(k8s.origin(), k8s.key() + " has no api_vip: its API is the first server '" + first
                    + "' (" + k8s.api() + ") and has no failover; while '" + first + "' is down, kubectl and joining nodes"
                    + " cannot reach the cluster")
                    .withHint("set api_vip to a free address" + network + ": kube-vip then holds it on whichever server is up"));
        }
        return out;
    }
}
