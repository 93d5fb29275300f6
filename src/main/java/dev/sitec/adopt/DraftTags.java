package dev.sitec.adopt;

import dev.sitec.model.SitecTags;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A guest's Proxmox tags as the site writes them: PVE's, but those sitec adds to the guest as it is
 * drafted and any sitec gave it before (SitecTags), which the site does not repeat, and those the site cannot
 * hold, which are said.
 */
final class DraftTags {

    /** What the site holds as a tag: schema/site.schema.json, $defs/tags. */
    private static final Pattern TAG = Pattern.compile("[a-z0-9_][a-z0-9_+.-]*");

    private DraftTags() {
    }

    /**
     * sitec's own tags, which the site does not write: the first apply gives a drafted guest those it
     * is (a pet, Windows, a container), and one sitec made before may carry others (cattle, its K3s
     * role, its profile's name), which would contradict what the site now says.
     */
    static Set<String> own(Set<String> profiles) {
        Set<String> own = new TreeSet<>(SitecTags.reserved());
        own.addAll(profiles);
        return own;
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
                draft.unexpressed(guest, "tag " + tag + " is not a tag the site can hold (lowercase letters, digits, _ + . -):"
                        + " the first apply removes it from the guest");
            }
        }
        return List.copyOf(tags);
    }
}
