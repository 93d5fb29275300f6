package dev.sitec.validate.rules;

import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.validate.RuleContext;
import dev.sitec.validate.SiteRule;
import java.util.ArrayList;
import java.util.List;
import com.fasterxml.jackson.core.JsonPointer;
import dev.sitec.model.Ipv4;
import dev.sitec.model.Network;

/**
 * The Proxmox installer puts a host's address on vmbr0, untagged: the network a node or backup
 * server sitec installs is on must live on vmbr0. (Whether that network also has a VLAN id is the
 * switch's business: a port whose native VLAN is 10 carries the host untagged, so a tagged network
 * is not refused here; the reference site writes its host network untagged.)
 */
public final class InstalledHostsOnVmbr0 implements SiteRule {

    @Override
    public List<Diagnostic> check(RuleContext context) {
        List<Diagnostic> out = new ArrayList<>();
        context.site().pveNodes().filter(n -> n.installedBySitec())
                .forEach(n -> check(out, context, "node '" + n.name() + "'", n.address(), n.origin().appendProperty("address")));
        context.site().backupServers().values().stream().filter(b -> b.installedBySitec())
                .forEach(b -> check(out, context, "backup server '" + b.name() + "'", b.address(), b.origin().appendProperty("address")));
        return out;
    }

    private static void check(List<Diagnostic> out, RuleContext context, String owner, Ipv4 address, JsonPointer at) {
        Network network = context.site().networkContaining(address).orElse(null);
        if (network == null) {
            return; // reported by AddressesInsideNetworks
        }
        if (!network.bridge().equals(Network.DEFAULT_BRIDGE)) {
            out.add(context.errorAt(at, owner + " is installed on network '" + network.name() + "', which is on bridge '"
                    + network.bridge() + "', but the Proxmox installer puts its address on " + Network.DEFAULT_BRIDGE)
                    .withHint("put network '" + network.name() + "' on " + Network.DEFAULT_BRIDGE));
        }
    }
}
