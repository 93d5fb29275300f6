package dev.sitec.validate.rules;

import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.model.Kubernetes;
import dev.sitec.validate.RuleContext;
import dev.sitec.validate.SiteRule;
import java.util.ArrayList;
import java.util.List;

/**
 * Embedded etcd needs a majority of servers up: an even count adds a member without adding a
 * failure it can survive (4 tolerates one loss, like 3). (Servers on SD cards: SdCardsHoldNoEtcdOrLonghorn.)
 */
public final class EtcdQuorum implements SiteRule {

    @Override
    public List<Diagnostic> check(RuleContext context) {
        List<Diagnostic> out = new ArrayList<>();
        for (Kubernetes k8s : context.site().kubernetes().values()) {
            check(context, k8s, out);
        }
        return out;
    }

    private static void check(RuleContext context, Kubernetes k8s, List<Diagnostic> out) {
        int count = k8s.servers().size();
        if (count % 2 == 0) {
            out.add(context.errorAt(k8s.origin().appendProperty("servers"), k8s.key() + ".servers has " + count
                    + " members; etcd needs an odd number to keep quorum")
                    .withHint("an even count survives no more failures than one server fewer; add or remove a server"));
        }
    }
}
