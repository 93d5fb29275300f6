package dev.sitec.validate.rules;

import com.fasterxml.jackson.core.JsonPointer;
import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.validate.RuleContext;
import dev.sitec.validate.SiteRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import dev.sitec.model.Profile;
import dev.sitec.model.Vm;

/**
 * The kubelet refuses to start when it is told to set labels under kubernetes.io or k8s.io on its
 * own node (except the node.kubernetes.io and kubelet.kubernetes.io prefixes), so such a K3s
 * node-label would leave the node down.
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

    private static void labels(List<Diagnostic> out, RuleContext context, JsonPointer origin, Map<String, String> labels) {
        for (String key : labels.keySet()) {
            int slash = key.indexOf('/');
            String prefix = slash < 0 ? "" : key.substring(0, slash);
            boolean reserved = prefix.equals("kubernetes.io") || prefix.endsWith(".kubernetes.io")
                    || prefix.equals("k8s.io") || prefix.endsWith(".k8s.io");
            boolean allowed = prefix.equals("node.kubernetes.io") || prefix.endsWith(".node.kubernetes.io")
                    || prefix.equals("kubelet.kubernetes.io") || prefix.endsWith(".kubelet.kubernetes.io");
            if (reserved && !allowed) {
                out.add(context.errorAtKey(origin.appendProperty("labels").appendProperty(key), "label '" + key
                        + "' is under the reserved " + prefix + " prefix; the kubelet refuses to set it and the node would not start")
                        .withHint("use a prefix of your own, e.g. " + context.site().info().domain() + "/"
                                + key.substring(slash + 1)));
            }
        }
    }
}
