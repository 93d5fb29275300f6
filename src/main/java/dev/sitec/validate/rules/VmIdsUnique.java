package dev.sitec.validate.rules;

import com.fasterxml.jackson.core.JsonPointer;
import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.model.VmIds;
import dev.sitec.validate.RuleContext;
import dev.sitec.validate.SiteRule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * VMIDs are unique. A derived VMID that collides cannot be fixed by renumbering (that would change a
 * VM that exists), so the user picks an explicit {@code vm_id} for the newcomer. VMs and containers
 * share one id space in Proxmox.
 */
public final class VmIdsUnique implements SiteRule {

    private record Guest(String kind, String name, JsonPointer origin, int vmId, boolean vmIdExplicit) {
    }

    @Override
    public List<Diagnostic> check(RuleContext context) {
        List<Diagnostic> out = new ArrayList<>();
        Map<Integer, Guest> seen = new HashMap<>();
        List<Guest> guests = new ArrayList<>();
        context.site().vms().values().forEach(v -> guests.add(new Guest("vm", v.name(), v.origin(), v.vmId(), v.vmIdExplicit())));
        context.site().containers().values().forEach(c -> guests.add(
                new Guest("container", c.name(), c.origin(), c.vmId(), c.vmIdExplicit())));
        guests.sort(Comparator.comparing(g -> context.key(g.origin())));
        for (Guest vm : guests) {
            Guest first = seen.putIfAbsent(vm.vmId(), vm);
            // A VM and a container of one name derive one VMID: HostnamesUnique reports the name.
            if (first != null && !first.name().equals(vm.name())) {
                JsonPointer at = vm.vmIdExplicit() ? vm.origin().appendProperty("vm_id") : vm.origin();
                Diagnostic d = Diagnostic.error(vm.vmIdExplicit() ? context.value(at) : context.key(at),
                        "VMID " + vm.vmId() + " of " + vm.kind() + " '" + vm.name() + "' is already used by "
                                + first.kind() + " '" + first.name() + "'");
                out.add(d.withHint(vm.vmIdExplicit() ? "choose another vm_id"
                        : "sitec derived this VMID from the name; set an explicit vm_id on '" + vm.name()
                                + "' (" + VmIds.FIRST + " to " + (VmIds.FIRST + VmIds.COUNT - 1) + " is sitec's range)"));
            }
        }
        return out;
    }
}
