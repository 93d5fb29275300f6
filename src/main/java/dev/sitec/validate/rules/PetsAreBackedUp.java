package dev.sitec.validate.rules;

import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.model.Vm;
import dev.sitec.validate.RuleContext;
import dev.sitec.validate.SiteRule;
import java.util.ArrayList;
import java.util.List;

/** Pets hold data; with no backup server, nothing backs them up. A warning, not an error. */
public final class PetsAreBackedUp implements SiteRule {

    @Override
    public List<Diagnostic> check(RuleContext context) {
        if (!context.site().backupServers().isEmpty()) {
            return List.of();
        }
        List<Diagnostic> out = new ArrayList<>();
        for (Vm vm : context.site().vms().values()) {
            if (vm.isPet()) {
                out.add(context.warningAtKey(vm.origin(), "pet '" + vm.name()
                        + "' is not backed up: the site has no backup server")
                        .withHint("add a Proxmox Backup Server under proxmox.backup_servers"));
            }
        }
        for (var ct : context.site().containers().values()) {
            if (ct.isPet()) {
                out.add(context.warningAtKey(ct.origin(), "pet '" + ct.name()
                        + "' is not backed up: the site has no backup server")
                        .withHint("add a Proxmox Backup Server under proxmox.backup_servers"));
            }
        }
        return out;
    }
}
