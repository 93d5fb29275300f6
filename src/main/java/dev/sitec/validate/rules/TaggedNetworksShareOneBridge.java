package dev.sitec.validate.rules;

import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.validate.RuleContext;
import dev.sitec.validate.SiteRule;
import java.util.ArrayList;
import java.util.List;
import dev.sitec.model.Network;

/** The SDN VLAN zone that carries the tagged networks sits on one bridge: they all name the same one. */
public final class TaggedNetworksShareOneBridge implements SiteRule {

    @Override
    public List<Diagnostic> check(RuleContext context) {
        List<Diagnostic> out = new ArrayList<>();
        List<Network> tagged = new ArrayList<>(context.site().taggedNetworks());
        tagged.sort((a, b) -> context.key(a.origin()).compareTo(context.key(b.origin())));
        if (tagged.isEmpty()) {
            return out;
        }
        Network first = tagged.get(0);
        for (Network network : tagged.subList(1, tagged.size())) {
            if (!network.bridge().equals(first.bridge())) {
                out.add(context.errorAtKey(network.origin(), "tagged network '" + network.name() + "' is on bridge '"
                        + network.bridge() + "', but tagged network '" + first.name() + "' is on '" + first.bridge()
                        + "': the SDN zone that carries the VLANs has one bridge")
                        .withHint("put every tagged network on bridge '" + first.bridge() + "'"));
            }
        }
        return out;
    }
}
