package dev.sitec.validate.rules;

import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.validate.RuleContext;
import dev.sitec.validate.SiteRule;
import java.util.ArrayList;
import java.util.List;
import dev.sitec.model.Network;
import dev.sitec.model.Site;

/**
 * A network without a CIDR leaves the address plan to its DHCP server: every address on it is dhcp,
 * and nothing on it (a gateway, DNS, a host's or the API VIP's address) can be checked against it.
 */
public final class DhcpOnlyWithoutCidr implements SiteRule {

    @Override
    public List<Diagnostic> check(RuleContext context) {
        Site site = context.site();
        List<Diagnostic> out = new ArrayList<>();
        for (Network network : site.networks().values()) {
            if (network.cidr().isEmpty() && network.gateway().isPresent()) {
                out.add(context.errorAtKey(network.origin().appendProperty("gateway"), "network '" + network.name()
                        + "' has a gateway but no cidr")
                        .withHint("add the network's cidr, or leave out the gateway (DHCP gives it)"));
            }
        }
        for (Hosts.Address address : Hosts.addresses(site)) {
            Network network = address.network().map(site.networks()::get).orElse(null);
            if (network != null && network.cidr().isEmpty()) {
                out.add(context.errorAt(address.at(), "address " + address.ip() + " of " + address.host().describe()
                        + " is static, but network '" + network.name() + "' has no cidr")
                        .withHint("add cidr to network '" + network.name() + "', or use dhcp"));
            }
        }
        return out;
    }
}
