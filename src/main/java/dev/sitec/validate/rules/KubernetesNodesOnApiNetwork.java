package dev.sitec.validate.rules;

import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.model.K3sNodes;
import dev.sitec.model.Kubernetes;
import dev.sitec.model.Machine;
import dev.sitec.model.Network;
import dev.sitec.model.Nic;
import dev.sitec.model.Vm;
import dev.sitec.validate.RuleContext;
import dev.sitec.validate.SiteRule;
import java.util.ArrayList;
import java.util.List;

/**
 * K3s nodes reach the API and each other on the network the API is on (its VIP's, else the first
 * server's first static address's): every server and agent needs an address there (its node-ip and
 * flannel interface).
 */
public final class KubernetesNodesOnApiNetwork implements SiteRule {

    @Override
    public List<Diagnostic> check(RuleContext context) {
        List<Diagnostic> out = new ArrayList<>();
        for (Kubernetes k8s : context.site().kubernetes().values()) {
            // An API VIP outside every network is reported by AddressesInsideNetworks.
            K3sNodes.apiNetwork(context.site(), k8s).ifPresent(network -> {
                K3sNodeEntries.of(k8s).forEach(node -> check(out, context, k8s, network, node));
            });
        }
        return out;
    }

    private static String where(Kubernetes k8s) {
        return k8s.apiVip().map(vip -> "the API VIP " + vip)
                .orElseGet(() -> "the API (first server '" + k8s.servers().get(0) + "', " + k8s.api() + ")");
    }

    private static void check(List<Diagnostic> out, RuleContext context, Kubernetes k8s, Network network, K3sNodeEntries node) {
        String name = node.name();
        Vm vm = context.site().vms().get(name);
        Machine machine = context.site().machines().get(name);
        List<Nic> nics = vm != null ? vm.nics() : machine != null ? machine.nics() : null;
        if (nics == null || nics.stream().anyMatch(n -> !context.site().networks().containsKey(n.network()))) {
            return; // an unknown vm or network name is reported already; no follow-on error
        }
        if (nics.stream().noneMatch(n -> n.network().equals(network.name()))) {
            out.add(context.errorAt(node.at(), "'" + name + "' has no address on network '" + network.name()
                    + "', where " + where(k8s) + " is")
                    .withHint("give '" + name + "' an address on '" + network.name() + "'"));
        }
    }
}
