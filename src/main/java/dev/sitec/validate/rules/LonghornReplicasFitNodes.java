package dev.sitec.validate.rules;

import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.model.Kubernetes;
import dev.sitec.model.Machine;
import dev.sitec.model.Vm;
import dev.sitec.model.VmDisk;
import dev.sitec.validate.RuleContext;
import dev.sitec.validate.SiteRule;
import java.util.List;

/**
 * Longhorn keeps each replica of a volume on a different node (replica soft anti-affinity is off by
 * default), and sitec gives Longhorn disks only to nodes with a Longhorn disk: with fewer such nodes
 * than the default replica count, every new volume stays degraded.
 */
public final class LonghornReplicasFitNodes implements SiteRule {

    private static boolean hasLonghornDisk(RuleContext context, String name) {
        Vm vm = context.site().vms().get(name);
        if (vm != null) {
            return vm.disks().stream().anyMatch(d -> d.purpose() == VmDisk.Purpose.LONGHORN);
        }
        Machine machine = context.site().machines().get(name);
        return machine != null && machine.longhornDisk().isPresent();
    }

    @Override
    public List<Diagnostic> check(RuleContext context) {
        return context.site().kubernetes().values().stream().filter(k -> k.longhorn().isPresent())
                .flatMap(k -> check(context, k).stream()).toList();
    }

    private static List<Diagnostic> check(RuleContext context, Kubernetes k8s) {
        int replicas = k8s.longhorn().get().defaultReplicas();
        // From the site directly, not K3sNodes: rules also run on sites other rules find broken.
        List<String> withDisk = k8s.nodes().stream().filter(name -> hasLonghornDisk(context, name)).sorted().toList();
        if (replicas <= withDisk.size()) {
            return List.of();
        }
        String nodes = withDisk.isEmpty() ? "no K3s node has a Longhorn disk"
                : "only " + withDisk.size() + " K3s node" + (withDisk.size() == 1 ? " has" : "s have") + " a Longhorn disk ("
                        + String.join(", ", withDisk) + ")";
        return List.of(context.errorAt(k8s.origin().appendProperty("storage").appendProperty("longhorn")
                        .appendProperty("default_replicas"), "longhorn default_replicas is " + replicas + ", but " + nodes
                        + "; Longhorn puts each replica on another node, so every volume would stay degraded")
                .withHint("lower default_replicas to " + Math.max(1, withDisk.size())
                        + ", or give more nodes a Longhorn disk (a longhorn-purpose VM disk, or a machine's longhorn_disk)"));
    }
}
