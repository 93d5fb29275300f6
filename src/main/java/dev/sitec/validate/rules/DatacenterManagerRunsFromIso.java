package dev.sitec.validate.rules;

import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.model.DatacenterManager;
import dev.sitec.model.Image;
import dev.sitec.model.Vm;
import dev.sitec.validate.RuleContext;
import dev.sitec.validate.SiteRule;
import java.util.List;

/** PDM is installed by Proxmox's automated installer from its ISO, not from a cloud image. */
public final class DatacenterManagerRunsFromIso implements SiteRule {

    @Override
    public List<Diagnostic> check(RuleContext context) {
        DatacenterManager pdm = context.site().datacenterManager().orElse(null);
        Vm vm = pdm == null ? null : context.site().vms().get(pdm.vm());
        Image image = vm == null ? null : vm.image().map(context.site().images()::get).orElse(null);
        if (image == null || image.kind() == Image.Kind.ISO) {
            return List.of();
        }
        return List.of(context.errorAtKey(vm.origin(), "datacenter_manager vm '" + vm.name()
                + "' uses cloud image '" + image.name() + "'; PDM is installed from its ISO")
                .withHint("give '" + vm.name() + "' an image of kind: iso (the Proxmox Datacenter Manager ISO)"));
    }
}
