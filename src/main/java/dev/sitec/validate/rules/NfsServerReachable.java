package dev.sitec.validate.rules;

import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.model.Kubernetes;
import dev.sitec.model.NfsServer;
import dev.sitec.model.Vm;
import dev.sitec.validate.RuleContext;
import dev.sitec.validate.SiteRule;
import java.util.List;

/**
 * Every K3s node reaches the NFS server at the address the StorageClass names: a pod with an NFS
 * volume can be scheduled on any node, and the kubelet there mounts the share (model.NfsServer says
 * which address that is).
 */
public final class NfsServerReachable implements SiteRule {

    @Override
    public List<Diagnostic> check(RuleContext context) {
        Kubernetes k8s = context.site().kubernetes().orElse(null);
        if (k8s == null || k8s.nfs().isEmpty()) {
            return List.of();
        }
        Vm server = context.site().vms().get(k8s.nfs().get().server());
        if (server == null || k8s.nodes().stream().anyMatch(n -> !context.site().vms().containsKey(n)
                && !context.site().machines().containsKey(n))) {
            return List.of(); // reported by KubernetesReferencesResolve
        }
        if (NfsServer.addressReachableFromEveryNode(context.site()).isPresent()) {
            return List.of();
        }
        return List.of(context.errorAt(k8s.origin().appendProperty("storage").appendProperty("nfs").appendProperty("server"),
                "NFS server '" + server.name() + "' has no address every K3s node reaches")
                .withHint("give every K3s node an address on one of '" + server.name()
                        + "''s networks, or give '" + server.name() + "' an address on a network with a gateway"));
    }
}
