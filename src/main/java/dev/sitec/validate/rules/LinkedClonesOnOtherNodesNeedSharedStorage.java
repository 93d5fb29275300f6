package dev.sitec.validate.rules;

import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.model.Image;
import dev.sitec.model.Vm;
import dev.sitec.validate.RuleContext;
import dev.sitec.validate.SiteRule;
import java.util.ArrayList;
import java.util.List;

/**
 * A linked clone on another node than its template's needs the template's datastore shared. PVE
 * clones onto another node only a VM whose disks are all on shared storage ("can't clone VM to node
 * '$target' (VM uses local storage)", qemu-server API2/Qemu.pm clone_vm); otherwise the provider
 * clones on the template's node and migrates the copy (proxmoxtf/resource/vm/vm.go vmCreateClone),
 * which works for a full copy but not for a linked clone, whose disk is a child of the template's
 * ("can't migrate '$volid' as it's a clone of '$basename'", qemu-server QemuMigrate.pm prepare).
 */
public final class LinkedClonesOnOtherNodesNeedSharedStorage implements SiteRule {

    @Override
    public List<Diagnostic> check(RuleContext context) {
        List<Diagnostic> out = new ArrayList<>();
        for (Vm vm : context.site().vms().values()) {
            Image image = context.site().imageOf(vm).orElse(null);
            if (image == null || image.template().isEmpty() || !context.site().linkedClone(vm)) {
                continue;
            }
            Image.Template t = image.template().get();
            if (t.shared() || t.node().equals(vm.node()) || context.site().findNode(t.node()).isEmpty()) {
                continue; // an unknown node is reported by TemplatesOnSiteNodes
            }
            String datastore = context.site().datastoreOf(t).orElse("its node's");
            out.add(context.errorAt(RuleContext.field(vm.origin(), "node"), "vm '" + vm.name() + "' is a linked clone of"
                    + " template '" + image.name() + "' on node '" + t.node() + "', but runs on node '" + vm.node()
                    + "', and the template's datastore '" + datastore + "' is not shared: PVE can neither clone onto"
                    + " another node from local storage nor migrate a linked clone")
                    .withHint("make it a full clone (linked: false), run it on node '" + t.node()
                            + "', or, if the datastore is shared storage, say so on the image (shared: true)"));
        }
        return out;
    }
}
