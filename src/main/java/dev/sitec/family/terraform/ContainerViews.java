package dev.sitec.family.terraform;

import dev.sitec.model.Container;
import dev.sitec.model.Distribution;
import dev.sitec.model.Network;
import dev.sitec.model.Nic;
import dev.sitec.model.Site;
import java.util.List;
import java.util.Optional;

/** Decides each container's settings in the provider's terms. */
final class ContainerViews {

    /** Where containers start in the boot order when the site does not say: after the VMs they may need. */
    static final int DEFAULT_STARTUP_ORDER = 60;

    private ContainerViews() {
    }

    static ContainerView of(Site site, Container ct, String templateKey) {
        Optional<Nic> primary = site.primaryNic(ct.nics());
        List<ContainerView.Ip> ips = ct.nics().stream().map(nic -> {
            Network network = site.network(nic.network());
            boolean routes = primary.map(p -> p.index() == nic.index()).orElse(false) && !nic.dhcp();
            return nic.address().map(a -> new ContainerView.Ip(a + "/" + network.prefix(),
                    routes ? network.gateway().map(Object::toString).orElse(null) : null))
                    .orElse(new ContainerView.Ip("dhcp", null));
        }).toList();
        List<String> dns = primary.filter(p -> !p.dhcp()).map(p -> site.network(p.network()).dns().stream()
                .map(Object::toString).toList()).orElse(List.of());
        List<ContainerView.Volume> volumes = ct.mounts().stream().filter(m -> !m.bind())
                .map(m -> new ContainerView.Volume(m.datastore().orElseGet(() -> site.datastoreOf(ct)), m.sizeGib(), m.path()))
                .toList();
        // An adopted container keeps its notes as PVE has them (sitec import writes them into the site), as
        // an adopted VM does: a prefix of sitec's would change them at the first apply.
        String description = ct.existing() ? ct.description().orElse("")
                : "Managed by sitec from site.yaml (" + ct.lifecycle().id() + ")." + ct.description().map(d -> " " + d).orElse("");
        return new ContainerView(ct.name(), ct.vmId(), ct.node(), description, ct.isProtected(), ct.onBoot(), ct.cores(),
                ct.memoryMib(), ct.swapMib(), templateKey,
                site.images().get(ct.template()).distribution().map(Distribution::id).orElseThrow(), ct.unprivileged(),
                // A privileged container's feature flags are root@pam's alone, nesting too (pve-container
                // src/PVE/LXC.pm check_ct_modify_config_perm): the token sends none, Ansible sets them.
                ct.unprivileged() && ct.features().contains(Container.Feature.NESTING), site.datastoreOf(ct), ct.disk().sizeGib(),
                ct.startup().map(s -> s.order()).orElse(DEFAULT_STARTUP_ORDER),
                ct.startup().flatMap(s -> VmViews.boxed(s.upDelaySeconds())).orElse(null),
                ct.startup().flatMap(s -> VmViews.boxed(s.downDelaySeconds())).orElse(null),
                GuestTags.of(ct), ct.nics().stream().map(nic -> VmViews.nic(site, nic)).toList(), ips, volumes, dns, ct.allowReplace(), ct.existing());
    }
}
