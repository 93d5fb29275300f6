package dev.sitec.validate.rules;

import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.model.Container;
import dev.sitec.model.PveNode;
import dev.sitec.model.Vm;
import dev.sitec.validate.RuleContext;
import dev.sitec.validate.SiteRule;
import java.util.ArrayList;
import java.util.List;

/**
 * A node's guests need a datastore: their own, or the node's, which is the one the installer makes
 * on the boot filesystem or one the site names. An installed node (no boot_disks) has to name it
 * when a guest on it names none (sitec cannot know its storages); a node that runs no such guest
 * needs none. A VM names one with datastore (its own or its profile's: its EFI, TPM and cloud-init
 * drives go there, and every disk that names none); a container with its disk's datastore (its
 * volumes that name none go there too).
 */
public final class NodesHaveDatastore implements SiteRule {

    @Override
    public List<Diagnostic> check(RuleContext context) {
        List<Diagnostic> out = new ArrayList<>();
        context.site().pveNodes().filter(n -> n.defaultDatastore().isEmpty()).forEach((PveNode node) -> {
            List<String> guests = new ArrayList<>();
            context.site().vms().values().stream().filter(vm -> vm.node().equals(node.name()) && vm.datastore().isEmpty())
                    .map(Vm::name).forEach(vm -> guests.add("vm '" + vm + "'"));
            context.site().containers().values().stream()
                    .filter(ct -> ct.node().equals(node.name()) && ct.disk().datastore().isEmpty())
                    .map(Container::name).forEach(ct -> guests.add("container '" + ct + "'"));
            if (!guests.isEmpty()) {
                out.add(context.errorAtKey(node.origin(), "node '" + node.name() + "' has no boot_disks, so sitec does"
                        + " not know which datastore the disks of " + String.join(", ", guests) + " go to")
                        .withHint("add datastore: <storage id> to the node (as 'pvesm status' lists it, e.g. local-lvm or"
                                + " local-zfs), or name one on " + (guests.size() == 1 ? "the guest" : "each of them")));
            }
        });
        return out;
    }
}
