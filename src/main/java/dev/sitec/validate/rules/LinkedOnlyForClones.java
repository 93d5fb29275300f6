package dev.sitec.validate.rules;

import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.model.Image;
import dev.sitec.model.Vm;
import dev.sitec.validate.RuleContext;
import dev.sitec.validate.SiteRule;
import java.util.ArrayList;
import java.util.List;

/**
 * A VM's {@code linked} says how it is cloned from a template VM: on a VM whose image is a download
 * (or that has none) it would be read by nothing, so it is refused rather than silently ignored.
 */
public final class LinkedOnlyForClones implements SiteRule {

    @Override
    public List<Diagnostic> check(RuleContext context) {
        List<Diagnostic> out = new ArrayList<>();
        for (Vm vm : context.site().vms().values()) {
            if (vm.linked().isEmpty()) {
                continue;
            }
            Image image = context.site().imageOf(vm).orElse(null);
            if (image != null && image.isTemplate()) {
                continue;
            }
            String what = vm.image().isEmpty() ? "has no image" : image == null ? null
                    : "is built from image '" + image.name() + "', which is not a template VM";
            if (what == null) {
                continue; // an unknown image: VmReferencesResolve reports it
            }
            out.add(context.errorAt(RuleContext.field(vm.origin(), "linked"), "vm '" + vm.name() + "' says linked, but it "
                    + what + ": only a clone of a template is linked or a full copy")
                    .withHint("leave out linked, or give '" + vm.name() + "' an image of kind: template"));
        }
        return out;
    }
}
