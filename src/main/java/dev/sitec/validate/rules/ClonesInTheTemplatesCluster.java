package dev.sitec.validate.rules;

import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.model.Image;
import dev.sitec.model.PveNode;
import dev.sitec.model.Vm;
import dev.sitec.validate.RuleContext;
import dev.sitec.validate.SiteRule;
import java.util.ArrayList;
import java.util.List;

/**
 * A VM cloned from a template runs in the template's cluster: PVE clones a VM within its cluster only
 * (qemu-server API2/Qemu.pm clone_vm: its target must be a node of the cluster, check_node_exists).
 */
public final class ClonesInTheTemplatesCluster implements SiteRule {

    @Override
    public List<Diagnostic> check(RuleContext context) {
        List<Diagnostic> out = new ArrayList<>();
        for (Vm vm : context.site().vms().values()) {
            Image image = context.site().imageOf(vm).orElse(null);
            if (image == null || image.template().isEmpty()) {
                continue;
            }
            Image.Template t = image.template().get();
            PveNode source = context.site().findNode(t.node()).orElse(null);
            PveNode target = context.site().findNode(vm.node()).orElse(null);
            if (source == null || target == null || source.cluster().equals(target.cluster())) {
                continue; // an unknown node is reported by TemplatesOnSiteNodes and VmReferencesResolve
            }
            out.add(context.errorAt(RuleContext.field(vm.origin(), "node"), "vm '" + vm.name() + "' is cloned from"
                    + " template '" + image.name() + "' (VM " + t.vmId() + " on node '" + t.node() + "', cluster '"
                    + source.cluster() + "'), but runs on node '" + vm.node() + "' of cluster '" + target.cluster()
                    + "': PVE clones a VM within its own cluster only")
                    .withHint("put '" + vm.name() + "' on a node of cluster '" + source.cluster()
                            + "', or give it a template of cluster '" + target.cluster() + "'"));
        }
        return out;
    }
}
