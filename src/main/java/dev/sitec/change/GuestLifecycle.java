package dev.sitec.change;

import com.fasterxml.jackson.core.JsonPointer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rules VMs and containers share: what creating, deleting and replacing a guest means for a
 * pet. Pets are never destroyed unless the site lifted their protection (allow_replace) in the
 * generation before, and that generation was applied: PVE refuses to remove a protected guest
 * ("protection mode enabled", qemu-server and pve-container check_protection), and the bpg provider
 * destroys the old guest before it applies the new one's settings, so protection must be off on the
 * running guest first.
 */
final class GuestLifecycle {

    private GuestLifecycle() {
    }

    static Change created(GuestIdentity now) {
        if (now.existing()) {
            return Change.of(ChangeKind.IMPORT, now.subject(), "imported as " + now.importId(), "an import block adopts"
                    + " the running guest (the provider's import id is node/vm_id); then its settings apply in place"
                    + " or as plan shows on the next edit", now.origin());
        }
        return Change.of(ChangeKind.CREATE, now.subject(), "created", null, now.origin());
    }

    static Change deleted(GuestIdentity old, JsonPointer collection) {
        if (!old.pet()) {
            return Change.of(ChangeKind.DELETE, old.subject(), "deleted", null, collection);
        }
        Change change = Change.of(ChangeKind.DESTROYS_DATA, old.subject(), "deleted, and its disks with it",
                "a pet holds data", collection);
        if (old.allowReplace()) {
            return change;
        }
        return change.refused("pet " + old.subject() + " would be deleted with its data: it is no longer in the site",
                "put it back; to delete it: set allow_replace: true on it, sitec generate, make guests (its protection"
                        + " comes off), then remove it, sitec generate, make guests (Terraform destroys it)");
    }

    /** A change that destroys the guest or part of its data: for a pet, refused unless the site allows it. */
    static Change destroying(Change change, GuestIdentity old, GuestIdentity now, String what) {
        if (!old.pet() && !now.pet()) {
            return change;
        }
        Change destroys = new Change(ChangeKind.DESTROYS_DATA, change.subject(), change.detail(), change.cause(),
                change.reboots(), Optional.empty(), change.at());
        if (old.allowReplace() && now.allowReplace()) {
            return destroys; // lifted in the generation before, which made the running guest unprotected
        }
        if (now.allowReplace()) {
            return destroys.refused("pet " + now.subject() + " would " + what + " in the same apply that lifts its protection,"
                    + " which PVE refuses (the guest is still protected when Terraform destroys it)",
                    "lift it first: this edit without the change, sitec generate, make guests (protection comes off);"
                            + " then the change, sitec generate, make guests");
        }
        return destroys.refused("pet " + now.subject() + " would " + what + ": " + change.detail(),
                change.cause().map(c -> c + "; ").orElse("") + "keep the old value, or set allow_replace: true on "
                        + now.subject() + ", generate and apply it, then make the change (" + (now.backedUp() ? "restore its data from a backup"
                        + " afterwards)" : "its data is lost: no backup server backs up cluster " + now.cluster() + ")"));
    }

    /**
     * A disk made smaller: neither the provider nor PVE can shrink one, so a plain apply fails. Cattle
     * are rebuilt with the smaller disk (a warning names the command); a pet cannot be, and no
     * allow_replace changes that: refused, with the way that keeps its data ({@code path}).
     */
    static Change shrunk(Change change, GuestIdentity now, String path) {
        if (!now.pet()) {
            return change.warned(now.subject() + "'s apply fails: a disk cannot be made smaller in place",
                    "rebuild it with the smaller disk after generate: " + now.replaceCommand());
        }
        return change.refused("pet " + now.subject() + "'s disk cannot be made smaller: not in place, and a rebuild"
                + " would lose its data", "keep its size; to use less space, add " + path);
    }

    /**
     * A guest that is replaced is created again with every new value: its other changes are part of
     * that, so only what replaces it (or destroys data) is listed.
     */
    static List<Change> collapse(List<Change> changes, boolean replaced) {
        if (!replaced) {
            return changes;
        }
        return changes.stream().filter(c -> c.kind() == ChangeKind.REPLACE || c.kind() == ChangeKind.DESTROYS_DATA)
                .toList();
    }

    /** cattle to pet moves under the protected resource; back is only a move when protection is lifted. */
    static List<Change> lifecycle(GuestIdentity old, GuestIdentity now) {
        List<Change> changes = new ArrayList<>();
        JsonPointer at = now.origin().appendProperty("lifecycle");
        if (old.pet() && now.pet() && old.allowReplace() != now.allowReplace()) {
            changes.add(now.allowReplace()
                    ? Change.of(ChangeKind.IN_PLACE, now.subject(), "protection lifted (allow_replace)", "a moved block takes"
                            + " it out of the protected resource and Terraform turns protection off: apply this alone,"
                            + " then make the change it is for (or delete it) and apply again; then remove allow_replace",
                            now.origin().appendProperty("allow_replace"))
                    : Change.of(ChangeKind.IN_PLACE, now.subject(), "protection restored", "a moved block puts it back"
                            + " under the protected resource and Terraform turns protection on", now.origin()));
        }
        if (!old.pet() && now.pet()) {
            changes.add(Change.of(ChangeKind.IN_PLACE, now.subject(), "lifecycle cattle -> pet",
                    "a moved block puts it under the protected resource; it is protected" + (now.backedUp()
                            ? " and backed up" : ", not backed up: no backup server backs up cluster " + now.cluster()), at));
        } else if (old.pet() && !now.pet()) {
            Change change = Change.of(ChangeKind.IN_PLACE, now.subject(), "lifecycle pet -> cattle",
                    "it is no longer protected" + (old.backedUp() ? " or backed up" : ""), at);
            if (old.allowReplace() || now.allowReplace()) {
                changes.add(change);
            } else {
                changes.add(new Change(ChangeKind.DESTROYS_DATA, now.subject(), change.detail(),
                        Optional.of("no moved block leads out of the protected resource, so Terraform would destroy"
                                + " it and create it again"), false, Optional.empty(), at)
                        .refused("pet " + now.subject() + " would be destroyed and created again: lifecycle pet -> cattle",
                                "set allow_replace: true on " + now.subject() + " in the same edit: it then moves out of"
                                        + " the protected resource without being replaced"));
            }
        }
        return changes;
    }
}
