package dev.sitec.validate.rules;

import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.model.Image;
import dev.sitec.model.PveNode;
import dev.sitec.validate.RuleContext;
import dev.sitec.validate.SiteRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A template image names a node of the site: its clones are made there, in its cluster (the
 * provider's clone block names the source by node and VMID, proxmoxtf/resource/vm/vm.go vmCreateClone).
 */
public final class TemplatesOnSiteNodes implements SiteRule {

    @Override
    public List<Diagnostic> check(RuleContext context) {
        List<Diagnostic> out = new ArrayList<>();
        Set<String> nodes = context.site().pveNodes().map(PveNode::name).collect(Collectors.toSet());
        for (Image image : context.site().images().values()) {
            image.template().ifPresent(t -> References.resolveInto(out, context,
                    RuleContext.field(image.origin(), "node"), "template image '" + image.name() + "'", "node",
                    t.node(), nodes));
        }
        return out;
    }
}
