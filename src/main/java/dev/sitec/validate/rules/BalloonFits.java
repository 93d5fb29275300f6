package dev.sitec.validate.rules;

import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.validate.RuleContext;
import dev.sitec.validate.SiteRule;
import java.util.ArrayList;
import java.util.List;
import dev.sitec.model.Device;
import dev.sitec.model.Vm;

/**
 * A balloon shrinks a VM down to its minimum, which cannot exceed its memory; and a VM with a PCI
 * device passed through has all its memory pinned for DMA, so a balloon could never reclaim any.
 */
public final class BalloonFits implements SiteRule {

    @Override
    public List<Diagnostic> check(RuleContext context) {
        List<Diagnostic> out = new ArrayList<>();
        for (Vm vm : context.site().vms().values()) {
            if (vm.balloonMinMib().isEmpty()) {
                continue;
            }
            int balloon = vm.balloonMinMib().getAsInt();
            boolean pci = vm.passthrough().stream().map(name -> context.site().deviceFor(vm, name))
                    .anyMatch(d -> d.map(x -> x.type() == Device.Type.PCI).orElse(false));
            if (pci) {
                out.add(context.errorAtKey(vm.origin(), "vm '" + vm.name() + "' has memory ballooning (balloon_min_mib "
                        + balloon + ") and a PCI device passed through, which pins all its memory")
                        .withHint("remove balloon_min_mib from '" + vm.name() + "' (or its profile)"));
            } else if (balloon > vm.memoryMib()) {
                out.add(context.errorAtKey(vm.origin(), "vm '" + vm.name() + "' may balloon down to " + balloon
                        + " MiB, more than its memory_mib " + vm.memoryMib())
                        .withHint("set balloon_min_mib at most " + vm.memoryMib()));
            }
        }
        return out;
    }
}
