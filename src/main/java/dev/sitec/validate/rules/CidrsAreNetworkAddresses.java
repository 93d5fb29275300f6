package dev.sitec.validate.rules;

import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.model.Ipv4Cidr;
import dev.sitec.model.Network;
import dev.sitec.validate.RuleContext;
import dev.sitec.validate.SiteRule;
import java.util.ArrayList;
import java.util.List;

/** A network's CIDR names the network (10.0.0.0/24), not a host in it (10.0.0.5/24). */
public final class CidrsAreNetworkAddresses implements SiteRule {

    @Override
    public List<Diagnostic> check(RuleContext context) {
        List<Diagnostic> out = new ArrayList<>();
        for (Network network : context.site().networks().values()) {
            network.cidr().filter(Ipv4Cidr::hasHostBits).ifPresent(cidr ->
                out.add(context.errorAt(network.origin().appendProperty("cidr"), "cidr "
                        + cidr.address() + "/" + cidr.prefix() + " of network '" + network.name()
                        + "' has host bits set")
                        .withHint("did you mean " + cidr + "?")));
        }
        return out;
    }
}
