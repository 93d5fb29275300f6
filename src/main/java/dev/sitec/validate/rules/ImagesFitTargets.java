package dev.sitec.validate.rules;

import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.model.Arch;
import dev.sitec.model.Image;
import dev.sitec.model.Machine;
import dev.sitec.model.Vm;
import dev.sitec.validate.RuleContext;
import dev.sitec.validate.SiteRule;
import java.util.ArrayList;
import java.util.List;

/**
 * An image can boot where it is used: Raspberry Pis run arm64 and boot a flashed cloud image (not an
 * installer ISO); Proxmox VE nodes are amd64, so their VMs run amd64 images.
 */
public final class ImagesFitTargets implements SiteRule {

    /** Proxmox VE is released for amd64 only. */
    private static final Arch PVE_ARCH = Arch.AMD64;

    @Override
    public List<Diagnostic> check(RuleContext context) {
        List<Diagnostic> out = new ArrayList<>();
        for (Machine machine : context.site().machines().values()) {
            Image image = context.site().images().get(machine.image());
            if (image == null) {
                continue; // reported by MachineReferencesResolve
            }
            if (image.kind() == Image.Kind.ISO) {
                out.add(context.errorAt(machine.origin().appendProperty("image"), "machine '" + machine.name()
                        + "' cannot boot image '" + image.name() + "': it is an installer ISO")
                        .withHint("a " + machine.board().id() + " boots a preinstalled cloud image flashed onto its card or SSD"));
            } else if (image.isTemplate()) {
                out.add(context.errorAt(machine.origin().appendProperty("image"), "machine '" + machine.name()
                        + "' cannot boot image '" + image.name() + "': it is a template VM on a Proxmox VE node")
                        .withHint("a " + machine.board().id() + " boots a preinstalled cloud image flashed onto its card or SSD"));
            }
            if (image.arch() != machine.board().arch()) {
                out.add(context.errorAt(machine.origin().appendProperty("image"), "image '" + image.name() + "' is "
                        + image.arch().id() + ", but " + machine.board().id() + " '" + machine.name() + "' runs "
                        + machine.board().arch().id()));
            }
        }
        for (Vm vm : context.site().vms().values()) {
            Image image = vm.image().map(context.site().images()::get).orElse(null);
            if (image != null && image.arch() != PVE_ARCH) {
                out.add(context.errorAtKey(vm.origin(), "vm '" + vm.name() + "' uses " + image.arch().id()
                        + " image '" + image.name() + "', but Proxmox VE node '" + vm.node() + "' runs "
                        + PVE_ARCH.id())
                        .withHint("use an " + PVE_ARCH.id() + " image; arm64 hosts belong under 'machines'"));
            }
        }
        for (var ct : context.site().containers().values()) {
            Image image = context.site().images().get(ct.template());
            if (image != null && image.arch() != PVE_ARCH) {
                out.add(context.errorAt(ct.origin().appendProperty("template"), "container '" + ct.name() + "' uses "
                        + image.arch().id() + " template '" + image.name() + "', but Proxmox VE node '" + ct.node()
                        + "' runs " + PVE_ARCH.id())
                        .withHint("use an " + PVE_ARCH.id() + " container template"));
            }
        }
        return out;
    }
}
