package dev.sitec.model;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Proxmox tags sitec gives guests itself: that sitec made it, its lifecycle, that it is an LXC
 * container, its K3s role, its OS unless Linux, and (a VM) its profile's name. A site's own tags may
 * not be one of them (a cattle VM tagged pet would say both), and import leaves them out.
 */
public final class SitecTags {

    public static final String SITEC = "sitec";
    public static final String LXC = "lxc";
    public static final String K3S_SERVER = "k3s-server";
    public static final String K3S_AGENT = "k3s-agent";

    private SitecTags() {
    }

    /** Every tag sitec may give a guest, but profile names. */
    public static Set<String> reserved() {
        Set<String> tags = new TreeSet<>(List.of(SITEC, LXC, K3S_SERVER, K3S_AGENT));
        Arrays.stream(Lifecycle.values()).map(Lifecycle::id).forEach(tags::add);
        Arrays.stream(GuestOs.values()).filter(os -> os != GuestOs.LINUX).map(GuestOs::id).forEach(tags::add);
        return tags;
    }
}
