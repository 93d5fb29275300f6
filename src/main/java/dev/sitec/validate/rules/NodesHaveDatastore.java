package dev.sitec.validate.rules;

import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.validate.RuleContext;
import dev.sitec.validate.SiteRule;
import java.util.ArrayList;
import java.util.List;
import dev.sitec.model.PveNode;

/**
 * A node's guests need a datastore: the one the installer makes on the boot filesystem, or one the
 * site names. An installed node (no boot_disks) has to name it: sitec cannot know its storages.
 */
public final class NodesHaveDatastore implements SiteRule {

    @Override
    public List<Diagnostic> check(RuleContext context) {
        List<Diagnostic> out = new ArrayList<>();
        context.site().pveNodes().filter(n -> n.defaultDatastore().isEmpty()).forEach((PveNode node) ->
                out.add(context.errorAtKey(node.origin(), "node '" + node.name()
                        + "' has no boot_disks, so sitec does not know which datastore its guests' disks go to")
                        .withHint("add datastore: <storage id> (as 'pvesm status' lists it, e.g. local-lvm or local-zfs)")));
        return out;
    }
}
