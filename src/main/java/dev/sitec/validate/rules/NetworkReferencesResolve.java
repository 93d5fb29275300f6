package dev.sitec.validate.rules;

import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.model.Machine;
import dev.sitec.model.Nic;
import dev.sitec.model.Site;
import dev.sitec.model.Vm;
import dev.sitec.validate.RuleContext;
import dev.sitec.validate.SiteRule;
import java.util.ArrayList;
import java.util.List;

/** Every address of a VM or machine is on a network the site defines (containers: ContainerReferencesResolve). */
public final class NetworkReferencesResolve implements SiteRule {

    @Override
    public List<Diagnostic> check(RuleContext context) {
        Site site = context.site();
        List<Diagnostic> out = new ArrayList<>();
        for (Vm vm : site.vms().values()) {
            for (Nic nic : vm.nics()) {
                References.resolveInto(out, context, vm.origin().appendProperty("address").appendProperty(nic.network()),
                        "vm '" + vm.name() + "'", "network", nic.network(), site.networks().keySet());
            }
        }
        for (Machine machine : site.machines().values()) {
            for (Nic nic : machine.nics()) {
                References.resolveInto(out, context,
                        machine.origin().appendProperty("address").appendProperty(nic.network()),
                        "machine '" + machine.name() + "'", "network", nic.network(), site.networks().keySet());
            }
        }
        return out;
    }
}
