package dev.sitec.validate.rules;

import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.model.Ipv4;
import dev.sitec.model.Ipv4Cidr;
import dev.sitec.model.Network;
import dev.sitec.model.Site;
import dev.sitec.validate.RuleContext;
import dev.sitec.validate.SiteRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every address lies inside its network and is usable for a host: not the network address, not the
 * broadcast address and not the gateway. Gateways and DNS servers lie inside their network too.
 * Hosts that do not name a network (nodes, backup servers, the API VIP) must fall in one.
 */
public final class AddressesInsideNetworks implements SiteRule {

    @Override
    public List<Diagnostic> check(RuleContext context) {
        Site site = context.site();
        List<Diagnostic> out = new ArrayList<>();
        for (Network network : site.networks().values()) {
            if (network.cidr().isEmpty()) {
                continue; // its addresses are the router's to give: DhcpOnlyWithoutCidr checks its NICs
            }
            Ipv4Cidr cidr = network.cidr().get();
            network.gateway().ifPresent(gateway -> {
                if (!cidr.contains(gateway) || reserved(cidr, gateway)) {
                    out.add(context.errorAt(network.origin().appendProperty("gateway"), "gateway " + gateway
                            + " of network '" + network.name() + "' is not a host address in " + cidr));
                }
            });
        }
        for (Hosts.Address address : Hosts.addresses(site)) {
            Optional<Network> network = address.network().isPresent()
                    ? Optional.ofNullable(site.networks().get(address.network().get()))
                    : site.networkContaining(address.ip());
            String owner = address.host().describe();
            if (network.isEmpty()) {
                if (address.network().isEmpty()) {
                    out.add(context.errorAt(address.at(), "address " + address.ip() + " of " + owner
                            + " is in none of the site's networks")
                            .withHint("add the network it is on under 'networks', or fix the address"));
                }
                continue; // an unknown network name is reported by NetworkReferencesResolve
            }
            Network net = network.get();
            if (net.cidr().isEmpty()) {
                continue; // a static address on a network without a CIDR: DhcpOnlyWithoutCidr reports it
            }
            Ipv4Cidr cidr = net.cidr().get();
            if (!cidr.contains(address.ip())) {
                out.add(context.errorAt(address.at(), "address " + address.ip() + " of " + owner
                        + " is outside network '" + net.name() + "' (" + cidr + ")"));
            } else if (address.ip().equals(cidr.network())) {
                out.add(context.errorAt(address.at(), "address " + address.ip() + " of " + owner
                        + " is the network address of '" + net.name() + "'"));
            } else if (address.ip().equals(cidr.broadcast()) && cidr.prefix() < 31) {
                out.add(context.errorAt(address.at(), "address " + address.ip() + " of " + owner
                        + " is the broadcast address of '" + net.name() + "'"));
            } else if (net.gateway().map(address.ip()::equals).orElse(false)) {
                out.add(context.errorAt(address.at(), "address " + address.ip() + " of " + owner
                        + " is the gateway of '" + net.name() + "'"));
            }
        }
        return out;
    }

    private static boolean reserved(Ipv4Cidr cidr, Ipv4 ip) {
        return cidr.prefix() < 31 && (ip.equals(cidr.network()) || ip.equals(cidr.broadcast()));
    }
}
