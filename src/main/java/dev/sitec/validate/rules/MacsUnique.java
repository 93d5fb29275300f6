package dev.sitec.validate.rules;

import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.model.MacAddress;
import dev.sitec.validate.RuleContext;
import dev.sitec.validate.SiteRule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** MACs are unique on the wire: hardware MACs, MACs set in site.yaml and MACs sitec derives. */
public final class MacsUnique implements SiteRule {

    @Override
    public List<Diagnostic> check(RuleContext context) {
        List<Diagnostic> out = new ArrayList<>();
        Map<MacAddress, Hosts.Mac> seen = new HashMap<>();
        List<Hosts.Mac> macs = new ArrayList<>(Hosts.macs(context.site()));
        macs.sort(Comparator.comparing((Hosts.Mac m) -> context.value(m.at())).thenComparing(m -> m.mac().value()));
        for (Hosts.Mac mac : macs) {
            Hosts.Mac first = seen.putIfAbsent(mac.mac(), mac);
            if (first != null) {
                Diagnostic d = context.errorAt(mac.at(), "MAC " + mac.mac() + " of " + mac.host().describe()
                        + " is already used by " + first.host().describe() + " (line " + context.value(first.at()).line() + ")");
                out.add(mac.derived() ? d.withHint("sitec derived this MAC from the name; set 'macs' on '"
                        + mac.host().name() + "' to choose another") : d);
            }
        }
        return out;
    }
}
