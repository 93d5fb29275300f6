package dev.sitec.validate.rules;

import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.model.K3sNodes;
import dev.sitec.model.Kubernetes;
import dev.sitec.validate.RuleContext;
import dev.sitec.validate.SiteRule;
import java.util.List;

/**
 * Longhorn keeps each replica of a volume on a different node (replica soft anti-affinity is off by
 * default). sitec gives Longhorn a disk on every node that can hold replicas: its dedicated Longhorn
 * disk, else its root disk (Longhorn's default data path), but never a Pi's SD card. With fewer such
 * nodes than the default replica count, every new volume stays degraded; with none, no volume can be
 * made at all.
 */
public final class LonghornReplicasFitNodes implements SiteRule {

    @Override
    public List<Diagnostic> check(RuleContext context) {
        return context.site().kubernetes().values().stream().filter(k -> k.longhorn().isPresent())
                .flatMap(k -> check(context, k).stream()).toList();
    }

    private static List<Diagnostic> check(RuleContext context, Kubernetes k8s) {
        int replicas = k8s.longhorn().get().defaultReplicas();
        // From the site directly, not K3sNodes.of: rules also run on sites other rules find broken.
        List<String> holding = k8s.nodes().stream().filter(name -> K3sNodes.holdsLonghornReplicas(context.site(), name))
                .sorted().toList();
        if (replicas <= holding.size()) {
            return List.of();
        }
        var at = k8s.origin().appendProperty("storage").appendProperty("longhorn").appendProperty("default_replicas");
        String machines = "a machine's longhorn_disk, or boot_medium usb or nvme";
        if (holding.isEmpty()) {
            return List.of(context.errorAt(at, "no K3s node of " + k8s.key() + " can hold a Longhorn replica (every one is"
                    + " a Raspberry Pi that boots, or may boot, from an SD card): Longhorn could not make any volume")
                    .withHint("give a node a disk for Longhorn (" + machines + "), add a VM to the cluster, or remove"
                            + " storage.longhorn"));
        }
        String nodes = "only " + holding.size() + " K3s node" + (holding.size() == 1 ? " can" : "s can")
                + " hold a replica (" + String.join(", ", holding) + ")";
        return List.of(context.errorAt(at, "longhorn default_replicas is " + replicas + ", but " + nodes
                        + "; Longhorn puts each replica on another node, so every volume would stay degraded")
                .withHint("lower default_replicas to " + holding.size() + ", or let more nodes hold replicas (a VM in the"
                        + " cluster, " + machines + ")"));
    }
}
