package dev.sitec.validate.rules;

import com.fasterxml.jackson.core.JsonPointer;
import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.model.Container;
import dev.sitec.model.Profile;
import dev.sitec.model.SitecTags;
import dev.sitec.model.Vm;
import dev.sitec.validate.RuleContext;
import dev.sitec.validate.SiteRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A site's Proxmox tags are added to sitec's own (SitecTags), which say what a guest is: a cattle VM
 * tagged pet, or a VM tagged lxc or with another profile's name, would say two things at once. A
 * profile's tag is reported at the profile, a guest's own at its tags.
 */
public final class TagsAreNotSitecs implements SiteRule {

    @Override
    public List<Diagnostic> check(RuleContext context) {
        Set<String> reserved = new TreeSet<>(SitecTags.reserved());
        reserved.addAll(context.site().profiles().keySet());
        List<Diagnostic> out = new ArrayList<>();
        for (Profile profile : context.site().profiles().values()) {
            report(out, context, "profile '" + profile.name() + "'", profile.origin(), profile.tags(), reserved, List.of());
        }
        for (Vm vm : context.site().vms().values()) {
            List<String> inherited = vm.profile().map(context.site().profiles()::get).map(Profile::tags).orElse(List.of());
            report(out, context, "vm '" + vm.name() + "'", vm.origin(), vm.tags(), reserved, inherited);
        }
        for (Container ct : context.site().containers().values()) {
            report(out, context, "container '" + ct.name() + "'", ct.origin(), ct.tags(), reserved, List.of());
        }
        return out;
    }

    private static void report(List<Diagnostic> out, RuleContext context, String what, JsonPointer origin, List<String> tags,
                               Set<String> reserved, List<String> inherited) {
        List<String> taken = tags.stream().filter(reserved::contains).filter(t -> !inherited.contains(t)).toList();
        if (!taken.isEmpty()) {
            out.add(context.errorAtKey(origin.appendProperty("tags"), what + " has tag" + (taken.size() == 1 ? " " : "s ")
                    + String.join(", ", taken) + ", which sitec gives guests itself to say what they are (sitec, cattle, pet,"
                    + " lxc, k3s-server, k3s-agent, windows, appliance, a profile's name)")
                    .withHint("drop " + (taken.size() == 1 ? "it" : "them") + ": sitec tags each guest with what it is"));
        }
    }
}
