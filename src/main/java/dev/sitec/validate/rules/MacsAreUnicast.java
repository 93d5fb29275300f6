package dev.sitec.validate.rules;

import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.validate.RuleContext;
import dev.sitec.validate.SiteRule;
import java.util.ArrayList;
import java.util.List;

/**
 * A NIC's MAC is a unicast address: a multicast or broadcast MAC (the first octet's low bit set)
 * or all zeros can never be a host's, so the installer's NIC match, netplan's match and the
 * router's DHCP reservation would all go wrong.
 */
public final class MacsAreUnicast implements SiteRule {

    @Override
    public List<Diagnostic> check(RuleContext context) {
        List<Diagnostic> out = new ArrayList<>();
        for (Hosts.Mac mac : Hosts.macs(context.site())) {
            if (!mac.derived() && !mac.mac().isUnicast()) {
                out.add(context.errorAt(mac.at(), "MAC " + mac.mac() + " of " + mac.host().describe()
                        + " is not a unicast address (all zeros, multicast or broadcast)")
                        .withHint("use the NIC's own address: its first octet is even, e.g. 58:47:ca:…"));
            }
        }
        return out;
    }
}
