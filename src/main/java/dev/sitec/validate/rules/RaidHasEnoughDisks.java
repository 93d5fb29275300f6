package dev.sitec.validate.rules;

import com.fasterxml.jackson.core.JsonPointer;
import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.model.BackupServer;
import dev.sitec.model.BootDisks;
import dev.sitec.model.Filesystem;
import dev.sitec.model.PbsDatastore;
import dev.sitec.model.RaidLevel;
import dev.sitec.validate.RuleContext;
import dev.sitec.validate.SiteRule;
import java.util.ArrayList;
import java.util.List;

/**
 * Disk layouts the Proxmox installer and ZFS accept: zfs and btrfs need a RAID level the filesystem
 * supports, with enough disks (and an even number for raid10); ext4 and xfs go on one disk.
 */
public final class RaidHasEnoughDisks implements SiteRule {

    @Override
    public List<Diagnostic> check(RuleContext context) {
        List<Diagnostic> out = new ArrayList<>();
        context.site().pveNodes().forEach(node -> node.bootDisks().ifPresent(disks -> bootDisks(out, context,
                "node '" + node.name() + "'", node.origin().appendProperty("boot_disks"), disks)));
        for (BackupServer pbs : context.site().backupServers().values()) {
            pbs.bootDisks().ifPresent(disks -> bootDisks(out, context, "backup server '" + pbs.name() + "'",
                    pbs.origin().appendProperty("boot_disks"), disks));
            for (PbsDatastore datastore : pbs.datastores().values()) {
                if (datastore.existing()) {
                    continue;
                }
                diskCount(out, context, "datastore '" + datastore.name() + "'", datastore.origin(), "zfs",
                        datastore.raid(), datastore.disks().size());
            }
        }
        return out;
    }

    private static void bootDisks(List<Diagnostic> out, RuleContext context, String owner, JsonPointer at,
                                  BootDisks disks) {
        Filesystem fs = disks.filesystem();
        if (fs.takesRaid() && disks.raid().isEmpty()) {
            out.add(context.errorAt(at, owner + " installs onto " + fs.id() + " but names no raid level")
                    .withHint(disks.disks().size() >= 2 ? "add raid: raid1 to mirror the disks" : "add raid: raid0 for a single disk"));
            return;
        }
        if (!fs.takesRaid()) {
            if (disks.raid().isPresent()) {
                out.add(context.errorAt(at.appendProperty("raid"), owner + " installs onto " + fs.id()
                        + ", which takes no raid level")
                        .withHint("remove raid, or use zfs for a mirrored root"));
            }
            if (disks.disks().size() > 1) {
                out.add(context.errorAt(at.appendProperty("disks"), owner + " installs " + fs.id()
                        + " onto one disk, but " + disks.disks().size() + " are listed")
                        .withHint("list one disk, or use zfs with a raid level"));
            }
            return;
        }
        RaidLevel raid = disks.raid().get();
        if (!raid.supportedBy(fs)) {
            out.add(context.errorAt(at.appendProperty("raid"), owner + ": " + fs.id() + " does not support "
                    + raid.id())
                    .withHint("btrfs supports raid0, raid1 and raid10; raidz levels are zfs only"));
            return;
        }
        diskCount(out, context, owner, at, fs.id(), raid, disks.disks().size());
    }

    private static void diskCount(List<Diagnostic> out, RuleContext context, String owner, JsonPointer at,
                                  String fs, RaidLevel raid, int count) {
        if (count < raid.minimumDisks()) {
            out.add(context.errorAt(at.appendProperty("disks"), owner + ": " + fs + " " + raid.id() + " needs at least "
                    + raid.minimumDisks() + " disks, but " + count + " " + (count == 1 ? "is" : "are") + " listed"));
        } else if (raid.needsEvenDisks() && count % 2 != 0) {
            out.add(context.errorAt(at.appendProperty("disks"), owner + ": " + fs + " " + raid.id()
                    + " needs an even number of disks, but " + count + " are listed"));
        }
    }

}
