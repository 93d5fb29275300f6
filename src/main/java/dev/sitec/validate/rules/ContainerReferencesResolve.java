package dev.sitec.validate.rules;

import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.validate.RuleContext;
import dev.sitec.validate.SiteRule;
import java.util.ArrayList;
import java.util.List;
import dev.sitec.model.Container;
import dev.sitec.model.Image;
import dev.sitec.model.Nic;
import dev.sitec.model.PveNode;
import dev.sitec.model.Site;
import java.util.Set;
import java.util.stream.Collectors;

/** A container's node, template and networks exist, and its template is a container template. */
public final class ContainerReferencesResolve implements SiteRule {

    @Override
    public List<Diagnostic> check(RuleContext context) {
        Site site = context.site();
        List<Diagnostic> out = new ArrayList<>();
        Set<String> nodes = site.pveNodes().map(PveNode::name).collect(Collectors.toSet());
        for (Container ct : site.containers().values()) {
            String owner = "container '" + ct.name() + "'";
            References.resolveInto(out, context, RuleContext.field(ct.origin(), "node"), owner, "node", ct.node(), nodes);
            Image template = site.images().get(ct.template());
            if (template == null) {
                References.resolveInto(out, context, RuleContext.field(ct.origin(), "template"), owner, "image",
                        ct.template(), site.images().keySet());
            } else if (template.kind() != Image.Kind.LXC) {
                out.add(context.errorAt(RuleContext.field(ct.origin(), "template"), owner + " is built from image '"
                        + template.name() + "', which is not a container template")
                        .withHint("give image '" + template.name() + "' kind: lxc, or name a container template"));
            }
            for (Nic nic : ct.nics()) {
                References.resolveInto(out, context, ct.origin().appendProperty("address").appendProperty(nic.network()),
                        owner, "network", nic.network(), site.networks().keySet());
            }
        }
        return out;
    }
}
