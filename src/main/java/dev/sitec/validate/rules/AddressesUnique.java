package dev.sitec.validate.rules;

import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.model.Ipv4;
import dev.sitec.validate.RuleContext;
import dev.sitec.validate.SiteRule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** No two hosts (or a host and the API VIP) hold the same address. */
public final class AddressesUnique implements SiteRule {

    @Override
    public List<Diagnostic> check(RuleContext context) {
        List<Diagnostic> out = new ArrayList<>();
        Map<Ipv4, Hosts.Address> seen = new HashMap<>();
        List<Hosts.Address> addresses = new ArrayList<>(Hosts.addresses(context.site()));
        addresses.sort(Comparator.comparing(a -> context.value(a.at())));
        for (Hosts.Address address : addresses) {
            Hosts.Address first = seen.putIfAbsent(address.ip(), address);
            if (first != null) {
                out.add(context.errorAt(address.at(), "address " + address.ip() + " of " + address.host().describe()
                        + " is already used by " + first.host().describe() + " (line "
                        + context.value(first.at()).line() + ")"));
            }
        }
        return out;
    }
}
