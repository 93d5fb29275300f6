package dev.sitec.validate.rules;

import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.model.Cluster;
import dev.sitec.model.Device;
import dev.sitec.model.PveNode;
import dev.sitec.validate.RuleContext;
import dev.sitec.validate.SiteRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Device names become cluster-wide hardware mappings and are what a VM's passthrough list names, so
 * two nodes of a site cannot both have a device called gpu0.
 */
public final class DeviceNamesUnique implements SiteRule {

    @Override
    public List<Diagnostic> check(RuleContext context) {
        List<Diagnostic> out = new ArrayList<>();
        Map<String, Device> seen = new HashMap<>();
        for (Cluster cluster : context.site().clusters().values()) {
            for (PveNode node : cluster.nodes().values()) {
                for (Device device : node.devices().values().stream()
                        .sorted((a, b) -> context.key(a.origin()).compareTo(context.key(b.origin()))).toList()) {
                    Device first = seen.putIfAbsent(device.name(), device);
                    if (first != null) {
                        out.add(context.errorAtKey(device.origin(), "device name '" + device.name() + "' on node '"
                                + node.name() + "' is already used on node '" + first.node() + "'")
                                .withHint("name devices uniquely across the site, e.g. " + device.name() + "-" + node.name()));
                    }
                }
            }
        }
        return out;
    }
}
