package dev.sitec.validate.rules;

import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.model.Kubernetes;
import dev.sitec.model.NfsServer;
import dev.sitec.model.Vm;
import dev.sitec.validate.RuleContext;
import dev.sitec.validate.SiteRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every K3s node reaches the NFS server at the address the StorageClass names: a pod with an NFS
 * volume can be scheduled on any node, and the kubelet there mounts the share (model.NfsServer says
 * which address that is).
 */
public final class NfsServerReachable implements SiteRule {

    @Override
    public List<Diagnostic> check(RuleContext context) {
        return context.site().kubernetes().values().stream().flatMap(k8s -> check(context, k8s).stream()).toList();
    }

    private static List<Diagnostic> check(RuleContext context, Kubernetes k8s) {
        if (k8s.nfs().isEmpty()) {
            return List.of();
        }
        Vm server = context.site().vms().get(k8s.nfs().get().server());
        if (server == null || k8s.nodes().stream().anyMatch(n -> !context.site().vms().containsKey(n)
                && !context.site().machines().containsKey(n))) {
            return List.of(); // reported by KubernetesReferencesResolve
        }
        // Addresses on unknown networks, and nodes off the API network, are reported by their own rules.
        List<String> hosts = new ArrayList<>(k8s.nodes());
        hosts.add(server.name());
        Optional<String> apiNetwork = dev.sitec.model.K3sNodes.apiNetwork(context.site(), k8s).map(n -> n.name());
        for (String host : hosts) {
            Set<String> networks = NfsServer.networksOf(context.site(), host);
            if (!context.site().networks().keySet().containsAll(networks)
                    || (!host.equals(server.name()) && apiNetwork.isPresent() && !networks.contains(apiNetwork.get()))) {
                return List.of();
            }
        }
        if (NfsServer.addressReachableFromEveryNode(context.site(), k8s).isPresent()) {
            return List.of();
        }
        return List.of(context.errorAt(k8s.origin().appendProperty("storage").appendProperty("nfs").appendProperty("server"),
                "NFS server '" + server.name() + "' has no address every K3s node reaches")
                .withHint("give every K3s node an address on one of '" + server.name()
                        + "''s networks, or give '" + server.name() + "' an address on a network with a gateway"));
    }
}
