package dev.sitec.validate.rules;

import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.model.BackupServer;
import dev.sitec.model.BootDisks;
import dev.sitec.model.Filesystem;
import dev.sitec.validate.RuleContext;
import dev.sitec.validate.SiteRule;
import java.util.ArrayList;
import java.util.List;

/** The PBS (and PDM) installers do not offer Btrfs; only Proxmox VE's does. */
public final class BtrfsOnlyOnProxmoxVe implements SiteRule {

    @Override
    public List<Diagnostic> check(RuleContext context) {
        List<Diagnostic> out = new ArrayList<>();
        for (BackupServer pbs : context.site().backupServers().values()) {
            if (pbs.bootDisks().map(BootDisks::filesystem).orElse(null) == Filesystem.BTRFS) {
                out.add(context.errorAt(pbs.origin().appendProperty("boot_disks").appendProperty("filesystem"),
                        "backup server '" + pbs.name() + "' cannot be installed on btrfs: only the Proxmox VE installer offers it")
                        .withHint("use zfs (with a raid level), ext4 or xfs"));
            }
        }
        return out;
    }
}
