package dev.sitec.validate.rules;

import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.model.Vm;
import dev.sitec.model.VmDisk;
import dev.sitec.validate.RuleContext;
import dev.sitec.validate.SiteRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A VM's disks are on distinct slots, and none on the two IDE slots sitec's drives use: the provider
 * knows a disk by its slot, PVE holds one drive per slot, and ide2 carries the cloud-init drive and
 * ide3 the installer ISO.
 */
public final class DiskSlotsUnique implements SiteRule {

    private static final Map<String, String> RESERVED = Map.of("ide2", "the cloud-init drive", "ide3", "the installer CD-ROM");

    @Override
    public List<Diagnostic> check(RuleContext context) {
        List<Diagnostic> out = new ArrayList<>();
        for (Vm vm : context.site().vms().values()) {
            Map<String, Integer> seen = new HashMap<>();
            for (VmDisk disk : vm.disks()) {
                var at = RuleContext.item(vm.origin(), "disks", disk.index());
                String reserved = RESERVED.get(disk.slot());
                if (reserved != null) {
                    out.add(context.errorAt(at, "disk " + (disk.index() + 1) + " of vm '" + vm.name() + "' is on "
                            + disk.slot() + ", which sitec keeps for " + reserved)
                            .withHint("put it on another slot, e.g. sata0 or ide0"));
                    continue;
                }
                Integer first = seen.putIfAbsent(disk.slot(), disk.index());
                if (first != null) {
                    out.add(context.errorAt(at, "disk " + (disk.index() + 1) + " of vm '" + vm.name() + "' is on "
                            + disk.slot() + ", like its disk " + (first + 1))
                            .withHint("give each disk its own interface; a disk without one is on scsi and its place in"
                                    + " the list"));
                }
            }
        }
        return out;
    }
}
