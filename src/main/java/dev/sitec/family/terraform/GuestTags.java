package dev.sitec.family.terraform;

import dev.sitec.model.Container;
import dev.sitec.model.GuestOs;
import dev.sitec.model.Site;
import dev.sitec.model.SitecTags;
import dev.sitec.model.Vm;
import java.util.List;
import java.util.TreeSet;

/**
 * The Proxmox tags a guest gets: sitec's own (that sitec made it, its lifecycle, and what it is: an
 * LXC container, a VM's profile, K3s role and OS unless Linux) and the site's, each once, sorted as
 * PVE keeps them (their names: SitecTags). Decided here only: the Terraform views write them, {@code explain} shows them and
 * {@code sitec import} leaves sitec's own out of what it writes.
 */
public final class GuestTags {

    private GuestTags() {
    }

    /** Every tag a VM gets. */
    public static List<String> of(Site site, Vm vm) {
        return of(vm, VmRole.of(site).get(vm.name()));
    }

    static List<String> of(Vm vm, VmRole role) {
        TreeSet<String> tags = own(vm, role);
        tags.addAll(vm.tags());
        return List.copyOf(tags);
    }

    private static TreeSet<String> own(Vm vm, VmRole role) {
        TreeSet<String> tags = new TreeSet<>(List.of(SitecTags.SITEC, vm.lifecycle().id()));
        vm.profile().ifPresent(tags::add);
        if (role.k3sTag() != null) {
            tags.add(role.k3sTag());
        }
        if (vm.os() != GuestOs.LINUX) {
            tags.add(vm.os().id());
        }
        return tags;
    }

    /** Every tag a container gets. */
    public static List<String> of(Container ct) {
        TreeSet<String> tags = new TreeSet<>(List.of(SitecTags.SITEC, ct.lifecycle().id(), SitecTags.LXC));
        tags.addAll(ct.tags());
        return List.copyOf(tags);
    }
}
