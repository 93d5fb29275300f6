package dev.sitec.validate.rules;

import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.model.Image;
import dev.sitec.model.Vm;
import dev.sitec.model.VmDisk;
import dev.sitec.validate.RuleContext;
import dev.sitec.validate.SiteRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A linked clone's disks stay on the template's datastore: they are copy-on-write children of the
 * template's base volumes there, and PVE takes no target storage for a linked clone ("parameter
 * 'storage' not allowed for linked clones", qemu-server API2/Qemu.pm clone_vm). A disk the site put
 * elsewhere would be moved after the clone (the provider's disk.go UpdateClone), a full copy after all.
 */
public final class LinkedClonesOnTheTemplatesDatastore implements SiteRule {

    @Override
    public List<Diagnostic> check(RuleContext context) {
        List<Diagnostic> out = new ArrayList<>();
        for (Vm vm : context.site().vms().values()) {
            Image image = context.site().imageOf(vm).orElse(null);
            if (image == null || image.template().isEmpty() || !context.site().linkedClone(vm)
                    || context.site().findNode(vm.node()).isEmpty()) {
                continue;
            }
            Optional<String> source = context.site().datastoreOf(image.template().get());
            if (source.isEmpty()) {
                continue; // the template's node is unknown: TemplatesOnSiteNodes reports it
            }
            for (VmDisk disk : vm.disks()) {
                String datastore = context.site().datastoreOf(vm, disk);
                if (datastore.equals(source.get())) {
                    continue;
                }
                out.add(context.errorAtKey(vm.origin(), message(vm, image, disk, datastore, source.get()))
                        .withHint("put the VM's disks on datastore '" + source.get() + "', or make '" + vm.name()
                                + "' a full clone (linked: false)"));
                break;
            }
        }
        return out;
    }

    private static String message(Vm vm, Image image, VmDisk disk, String datastore, String source) {
        return "vm '" + vm.name() + "' is a linked clone of template '" + image.name() + "', whose disks are on datastore '"
                + source + "', but its disk " + disk.slot() + " goes to '" + datastore + "': a linked clone stays on its"
                + " template's datastore";
    }
}
