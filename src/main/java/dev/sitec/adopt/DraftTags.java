package dev.sitec.adopt;

import dev.sitec.family.terraform.GuestTags;
import dev.sitec.model.GuestOs;
import dev.sitec.model.Lifecycle;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A guest's Proxmox tags as the site writes them: PVE's, but those sitec adds to the guest as it is
 * drafted (a pet; see {@link GuestTags}), which the site does not repeat, and those the site cannot
 * hold, which are said.
 */
final class DraftTags {

    /** What the site holds as a tag: schema/site.schema.json, $defs/tags. */
    private static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}");

    private DraftTags() {
    }

    /** sitec's own tags on a drafted VM: every drafted guest is a pet; Windows is the one OS import writes. */
    static Set<String> ownOfVm(boolean windows) {
        Set<String> own = new TreeSet<>(Set.of(GuestTags.SITEC, Lifecycle.PET.id()));
        if (windows) {
            own.add(GuestOs.WINDOWS.id());
        }
        return own;
    }

    /** sitec's own tags on a drafted container. */
    static Set<String> ownOfContainer() {
        return Set.of(GuestTags.SITEC, Lifecycle.PET.id(), GuestTags.LXC);
    }

    /** PVE's tags (a list split as pve-common PVE::Tools::split_list does) the site writes, sorted. */
    static List<String> of(Drafting draft, PveCluster.Guest guest, Set<String> own) {
        TreeSet<String> tags = new TreeSet<>();
        for (String tag : Values.text(guest.config(), "tags", "").split("[;,\\s]+")) {
            if (TAG.matcher(tag).matches()) {
                if (!own.contains(tag)) {
                    tags.add(tag);
                }
            } else if (!tag.isEmpty()) {
                draft.unexpressed(guest, "tag " + tag + " is not a tag the site can hold (lowercase letters, digits, _ . -)");
            }
        }
        return List.copyOf(tags);
    }
}
