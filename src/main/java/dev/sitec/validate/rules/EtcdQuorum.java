package dev.sitec.validate.rules;

import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.model.Kubernetes;
import dev.sitec.validate.RuleContext;
import dev.sitec.validate.SiteRule;
import java.util.ArrayList;
import java.util.List;

/**
 * Embedded etcd needs a majority of servers up: an even count adds a member without adding a
 * failure it can survive (4 tolerates one loss, like 3; 2 tolerates none, like 1). K3s runs with it,
 * and labs of two or four servers exist: a warning that says what it tolerates, not an error. (Servers
 * on SD cards: SdCardsHoldNoEtcdOrLonghorn.)
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
            int quorum = count / 2 + 1;
            int tolerated = count - quorum;
            out.add(context.warningAt(k8s.origin().appendProperty("servers"), k8s.key() + ".servers has " + count
                    + " members: etcd needs " + quorum + " of them up, so it survives the loss of " + tolerated
                    + (tolerated == 1 ? " server" : " servers") + ", as " + (count - 1) + " would")
                    .withHint("an odd count gets more from its servers: add one (" + (count + 1) + " survive the loss of "
                            + (tolerated + 1) + ") or remove one"));
        }
    }
}
