package dev.sitec.validate.rules;

import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.validate.RuleContext;
import dev.sitec.validate.SiteRule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Nodes, backup servers, VMs and machines all become hostnames in one domain: no two may share one. */
public final class HostnamesUnique implements SiteRule {

    @Override
    public List<Diagnostic> check(RuleContext context) {
        List<Diagnostic> out = new ArrayList<>();
        Map<String, Hosts.Host> seen = new HashMap<>();
        List<Hosts.Host> hosts = new ArrayList<>(Hosts.all(context.site()));
        hosts.sort(Comparator.comparing(h -> context.key(h.origin())));
        for (Hosts.Host host : hosts) {
            Hosts.Host first = seen.putIfAbsent(host.name(), host);
            if (first != null) {
                out.add(context.errorAtKey(host.origin(), "hostname '" + host.name() + "' of " + host.kind()
                        + " is already used by " + first.describe() + " (line " + context.key(first.origin()).line() + ")")
                        .withHint("every node, backup server, vm and machine needs a hostname of its own"));
            }
        }
        return out;
    }
}
