package dev.sitec.validate.rules;

import com.fasterxml.jackson.core.JsonPointer;
import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.model.BackupServer;
import dev.sitec.model.Ipv4;
import dev.sitec.model.Network;
import dev.sitec.model.PveNode;
import dev.sitec.model.Site;
import dev.sitec.model.Vm;
import dev.sitec.validate.RuleContext;
import dev.sitec.validate.SiteRule;
import java.util.ArrayList;
import java.util.List;

/**
 * The Proxmox installer configures a static address only with a gateway and a DNS server: the
 * network a PVE node, backup server or the PDM VM is installed on must have both. Hosts installed
 * already are not checked: sitec writes no answer for them.
 */
public final class InstallerNetworksAreComplete implements SiteRule {

    @Override
    public List<Diagnostic> check(RuleContext context) {
        Site site = context.site();
        List<Diagnostic> out = new ArrayList<>();
        site.pveNodes().filter(PveNode::installedBySitec).forEach(n -> check(out, context, "node '" + n.name() + "'",
                n.address(), n.origin().appendProperty("address")));
        site.backupServers().values().stream().filter(BackupServer::installedBySitec).forEach(b -> check(out, context,
                "backup server '" + b.name() + "'", b.address(), b.origin().appendProperty("address")));
        site.datacenterManager().map(pdm -> site.vms().get(pdm.vm()))
                .filter(vm -> vm != null && !vm.nics().isEmpty() && !vm.nics().get(0).dhcp())
                .ifPresent(vm -> check(out, context, "vm '" + vm.name() + "'", vm.nics().get(0).staticAddress(),
                        firstAddress(vm)));
        return out;
    }

    private static JsonPointer firstAddress(Vm vm) {
        return vm.origin().appendProperty("address").appendProperty(vm.nics().get(0).network());
    }

    private static void check(List<Diagnostic> out, RuleContext context, String owner, Ipv4 address, JsonPointer at) {
        Network network = context.site().networkContaining(address).orElse(null);
        if (network == null) {
            return; // reported by AddressesInsideNetworks
        }
        List<String> missing = new ArrayList<>();
        if (network.gateway().isEmpty()) {
            missing.add("gateway");
        }
        if (network.dns().isEmpty()) {
            missing.add("dns");
        }
        if (!missing.isEmpty()) {
            out.add(context.errorAt(at, owner + " is installed on network '" + network.name() + "', which has no "
                    + String.join(" and no ", missing) + "; the Proxmox installer needs both")
                    .withHint("add " + String.join(" and ", missing) + " to network '" + network.name() + "'"));
        }
    }
}
