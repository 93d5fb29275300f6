package dev.sitec.validate.rules;

import com.fasterxml.jackson.core.JsonPointer;
import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.model.Device;
import dev.sitec.model.Profile;
import dev.sitec.model.PveNode;
import dev.sitec.model.Site;
import dev.sitec.model.Vm;
import dev.sitec.validate.RuleContext;
import dev.sitec.validate.SiteRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** A VM's node, profile, image and passthrough devices exist; a profile's image exists. */
public final class VmReferencesResolve implements SiteRule {

    @Override
    public List<Diagnostic> check(RuleContext context) {
        Site site = context.site();
        List<Diagnostic> out = new ArrayList<>();
        Set<String> nodes = site.pveNodes().map(PveNode::name).collect(Collectors.toSet());
        Set<String> devices = site.devices().map(Device::name).collect(Collectors.toSet());
        for (Profile profile : site.profiles().values()) {
            profile.image().ifPresent(image -> References.resolveInto(out, context,
                    RuleContext.field(profile.origin(), "image"), "profile '" + profile.name() + "'", "image",
                    image, site.images().keySet()));
        }
        for (Vm vm : site.vms().values()) {
            String owner = "vm '" + vm.name() + "'";
            JsonPointer at = vm.origin();
            References.resolveInto(out, context, RuleContext.field(at, "node"), owner, "node", vm.node(), nodes);
            boolean profileResolves = vm.profile().map(p -> site.profiles().containsKey(p)).orElse(true);
            vm.profile().ifPresent(p -> References.resolveInto(out, context, RuleContext.field(at, "profile"),
                    owner, "profile", p, site.profiles().keySet()));
            if (declaresImage(vm, site)) {
                References.resolveInto(out, context, RuleContext.field(at, "image"), owner, "image",
                        vm.image().orElseThrow(), site.images().keySet());
            } else if (vm.image().isEmpty() && profileResolves && !vm.existing()) {
                // An adopted VM may have none: it exists, and sitec never builds it.
                out.add(context.errorAtKey(at, owner + " has no image")
                        .withHint("set 'image', or a 'profile' that has one (only a VM adopted with existing: true may"
                                + " have none)"));
            }
            for (int i = 0; i < vm.passthrough().size(); i++) {
                References.resolveInto(out, context, RuleContext.item(at, "passthrough", i), owner, "device",
                        vm.passthrough().get(i), devices);
            }
        }
        return out;
    }

    /** The VM names its image itself (rather than through its profile, which is checked on its own). */
    private static boolean declaresImage(Vm vm, Site site) {
        if (vm.image().isEmpty()) {
            return false;
        }
        return vm.profile().map(site.profiles()::get).flatMap(Profile::image)
                .map(profileImage -> !profileImage.equals(vm.image().get()))
                .orElse(true);
    }
}
