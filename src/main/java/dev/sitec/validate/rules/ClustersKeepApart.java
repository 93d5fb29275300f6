package dev.sitec.validate.rules;

import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.model.Kubernetes;
import dev.sitec.validate.RuleContext;
import dev.sitec.validate.SiteRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Two K3s clusters share nothing that identifies one: each has its own join token secret (a shared
 * token lets a node of one join the other), and its own Flux folder (one folder syncs one cluster).
 * Their names also name Ansible groups (k3s_cluster_<name>, '-' as '_'): two names that give one
 * group are refused. Any name is the user's otherwise: sitec's own groups cannot collide with them.
 */
public final class ClustersKeepApart implements SiteRule {

    @Override
    public List<Diagnostic> check(RuleContext context) {
        List<Diagnostic> out = new ArrayList<>();
        Map<String, Kubernetes> tokens = new HashMap<>();
        Map<String, Kubernetes> folders = new HashMap<>();
        Map<String, Kubernetes> groups = new HashMap<>();
        for (Kubernetes k8s : context.site().kubernetes().values()) {
            Kubernetes sameGroup = groups.putIfAbsent(k8s.name().replace('-', '_'), k8s);
            if (sameGroup != null) {
                out.add(context.errorAtKey(k8s.origin(), "K3s clusters '" + sameGroup.name() + "' and '" + k8s.name()
                        + "' make the same Ansible group " + dev.sitec.family.ansible.AnsibleFamily.clusterGroup(k8s))
                        .withHint("rename one of them"));
            }
            Kubernetes sameToken = tokens.putIfAbsent(k8s.tokenSecret(), k8s);
            if (sameToken != null) {
                out.add(context.errorAt(k8s.origin().appendProperty("token_secret"), "K3s clusters '" + sameToken.name()
                        + "' and '" + k8s.name() + "' share the join token secret '" + k8s.tokenSecret() + "'")
                        .withHint("give cluster '" + k8s.name() + "' its own: token_secret: k3s_token_" + k8s.name().replace('-', '_')
                                + ", declared under secrets"));
            }
            k8s.flux().ifPresent(flux -> {
                Kubernetes sameFolder = folders.putIfAbsent(flux.path(), k8s);
                if (sameFolder != null) {
                    out.add(context.errorAt(k8s.origin().appendProperty("flux").appendProperty("path"), "K3s clusters '"
                            + sameFolder.name() + "' and '" + k8s.name() + "' sync the same Flux folder " + flux.path())
                            .withHint("give cluster '" + k8s.name() + "' its own path, e.g. clusters/" + k8s.name()));
                }
            });
        }
        return out;
    }
}
