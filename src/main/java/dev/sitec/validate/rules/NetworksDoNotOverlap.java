package dev.sitec.validate.rules;

import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.model.Network;
import dev.sitec.validate.RuleContext;
import dev.sitec.validate.SiteRule;
import java.util.ArrayList;
import java.util.List;

/** No two networks overlap: an address must belong to one network only. */
public final class NetworksDoNotOverlap implements SiteRule {

    @Override
    public List<Diagnostic> check(RuleContext context) {
        List<Diagnostic> out = new ArrayList<>();
        List<Network> networks = new ArrayList<>(context.site().networks().values().stream()
                .filter(n -> n.cidr().isPresent()).toList());
        networks.sort((a, b) -> context.key(a.origin()).compareTo(context.key(b.origin())));
        for (int i = 0; i < networks.size(); i++) {
            Network network = networks.get(i);
            for (int j = 0; j < i; j++) {
                Network earlier = networks.get(j);
                if (network.cidr().get().overlaps(earlier.cidr().get())) {
                    out.add(context.errorAt(network.origin().appendProperty("cidr"), "network '" + network.name()
                            + "' (" + network.cidr().get() + ") overlaps network '" + earlier.name() + "' ("
                            + earlier.cidr().get() + ")")
                            .withHint("give each network its own address range"));
                }
            }
        }
        return out;
    }
}
