package dev.sitec.validate.rules;

import com.fasterxml.jackson.core.JsonPointer;
import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.validate.RuleContext;
import dev.sitec.validate.SiteRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import dev.sitec.model.Profile;
import dev.sitec.model.Vm;

/**
 * The kubelet refuses to start when it is told to set a label under kubernetes.io or k8s.io on its
 * own node that is not one of the labels it may self-set, so such a K3s node-label would leave the
 * node down.
 */
public final class NodeLabelsNotReserved implements SiteRule {

    @Override
    public List<Diagnostic> check(RuleContext context) {
        List<Diagnostic> out = new ArrayList<>();
        context.site().profiles().values().forEach(p -> labels(out, context, p.origin(), p.labels()));
        context.site().vms().values().forEach(v -> labels(out, context, v.origin(), ownLabels(context, v)));
        context.site().machines().values().forEach(m -> labels(out, context, m.origin(), m.labels()));
        return out;
    }

    /** A VM's labels include its profile's; those are reported once, at the profile. */
    private static Map<String, String> ownLabels(RuleContext context, Vm vm) {
        Map<String, String> inherited = vm.profile().map(context.site().profiles()::get).map(Profile::labels)
                .orElse(Map.of());
        Map<String, String> own = new TreeMap<>(vm.labels());
        own.entrySet().removeIf(e -> e.getValue().equals(inherited.get(e.getKey())));
        return own;
    }

    /**
     * The labels a kubelet may set on its own node (k8s.io/kubelet pkg/apis/well_known_labels.go,
     * KubeletLabels; the same list NodeRestriction admits): any other key in the kubernetes.io or
     * k8s.io namespaces is refused unless its namespace is (a subdomain of) kubelet.kubernetes.io or
     * node.kubernetes.io.
     */
    static final Set<String> KUBELET_LABELS = Set.of(
            "kubernetes.io/hostname", "topology.kubernetes.io/zone", "topology.kubernetes.io/region",
            "failure-domain.beta.kubernetes.io/zone", "failure-domain.beta.kubernetes.io/region",
            "beta.kubernetes.io/instance-type", "node.kubernetes.io/instance-type", "kubernetes.io/os",
            "kubernetes.io/arch", "beta.kubernetes.io/os", "beta.kubernetes.io/arch");
    private static final List<String> KUBELET_LABEL_NAMESPACES = List.of("kubelet.kubernetes.io", "node.kubernetes.io");

    /** IsKubeletLabel's negation, for keys in the Kubernetes namespaces. */
    static boolean refused(String key) {
        int slash = key.indexOf('/');
        String namespace = slash < 0 ? "" : key.substring(0, slash);
        boolean kubernetes = within(namespace, "kubernetes.io") || within(namespace, "k8s.io");
        boolean kubelet = KUBELET_LABELS.contains(key)
                || KUBELET_LABEL_NAMESPACES.stream().anyMatch(allowed -> within(namespace, allowed));
        return kubernetes && !kubelet;
    }

    private static boolean within(String namespace, String domain) {
        return namespace.equals(domain) || namespace.endsWith("." + domain);
    }

    private static void labels(List<Diagnostic> out, RuleContext context, JsonPointer origin, Map<String, String> labels) {
        for (String key : labels.keySet()) {
            if (refused(key)) {
                int slash = key.indexOf('/');
                out.add(context.errorAtKey(origin.appendProperty("labels").appendProperty(key), "label '" + key
                        + "' is under the reserved " + key.substring(0, slash)
                        + " prefix; the kubelet refuses to set it and the node would not start")
                        .withHint("use a prefix of your own, e.g. " + context.site().info().domain() + "/"
                                + key.substring(slash + 1)));
            }
        }
    }
}
