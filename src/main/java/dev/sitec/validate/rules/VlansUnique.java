package dev.sitec.validate.rules;

import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.model.Network;
import dev.sitec.validate.RuleContext;
import dev.sitec.validate.SiteRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Two networks on one VLAN would be one broadcast domain with two address plans. (Untagged networks
 * may share a bridge: one flat LAN can carry several subnets.)
 */
public final class VlansUnique implements SiteRule {

    @Override
    public List<Diagnostic> check(RuleContext context) {
        List<Diagnostic> out = new ArrayList<>();
        Map<Integer, Network> seen = new HashMap<>();
        List<Network> networks = new ArrayList<>(context.site().networks().values());
        networks.sort((a, b) -> context.key(a.origin()).compareTo(context.key(b.origin())));
        for (Network network : networks) {
            if (network.vlan().isEmpty()) {
                continue;
            }
            Network first = seen.putIfAbsent(network.vlan().getAsInt(), network);
            if (first != null) {
                out.add(context.errorAt(network.origin().appendProperty("vlan"), "VLAN " + network.vlan().getAsInt()
                        + " of network '" + network.name() + "' is already used by network '" + first.name() + "'")
                        .withHint("every network needs a VLAN id of its own"));
            }
        }
        return out;
    }
}
