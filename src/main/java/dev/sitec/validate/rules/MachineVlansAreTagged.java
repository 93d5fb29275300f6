package dev.sitec.validate.rules;

import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.validate.RuleContext;
import dev.sitec.validate.SiteRule;
import java.util.ArrayList;
import java.util.List;
import dev.sitec.model.Machine;
import dev.sitec.model.Network;
import dev.sitec.model.Nic;

/**
 * A machine has one wired NIC: its first address is untagged on it (the switch port's native
 * VLAN), and every further one is a VLAN interface over it, which only a tagged network can be.
 */
public final class MachineVlansAreTagged implements SiteRule {

    @Override
    public List<Diagnostic> check(RuleContext context) {
        List<Diagnostic> out = new ArrayList<>();
        for (Machine machine : context.site().machines().values()) {
            for (Nic nic : machine.nics().subList(Math.min(1, machine.nics().size()), machine.nics().size())) {
                Network network = context.site().networks().get(nic.network());
                if (network != null && !network.tagged()) {
                    out.add(context.errorAtKey(machine.origin().appendProperty("address").appendProperty(nic.network()),
                            "machine '" + machine.name() + "' has one wired NIC: its address on untagged network '"
                                    + nic.network() + "' would need a second one")
                            .withHint("list the untagged network first (the port's native VLAN); further addresses"
                                    + " must be on tagged networks, which become VLAN interfaces"));
                }
            }
        }
        return out;
    }
}
