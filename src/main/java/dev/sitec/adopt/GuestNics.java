package dev.sitec.adopt;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A guest's NICs and boot order as the site says them, for VMs and containers alike. */
final class GuestNics {

    private GuestNics() {
    }

    static List<DraftView.Nic> views(Drafting draft, PveCluster.Guest guest, List<NicFact> nics) {
        List<DraftView.Nic> views = new ArrayList<>();
        Set<String> networks = new HashSet<>();
        for (NicFact nic : nics) {
            NetworkPlan.Planned network = draft.networks.of(nic);
            if (!networks.add(network.name())) {
                draft.unexpressed(guest, "net" + nic.index() + " is a second NIC on network " + network.name()
                        + "; the site has one per network, so the first plan removes it");
                continue;
            }
            String address = "dhcp";
            String note = null;
            if (nic.address().isPresent() && network.cidr().filter(c -> c.contains(nic.address().get().address())).isPresent()) {
                address = nic.address().get().address().toString();
                note = nic.source() == NicFact.Source.AGENT ? "the address the guest agent reports now" : null;
            } else if (nic.source() == NicFact.Source.UNKNOWN || nic.source() == NicFact.Source.AGENT) {
                note = "guess: nothing PVE holds says its address; give the one it has, for the inventory";
            }
            if (nic.tag().isPresent()) {
                draft.unexpressed(guest, "net" + nic.index() + " (VLAN " + nic.tag().get() + " on " + nic.bridge()
                        + ") moves to the SDN vnet " + network.name() + ": the same VLAN, carried by sitec's zone");
            }
            if (guest.kind() == PveCluster.Kind.QEMU && !nic.model().equals("virtio")) {
                draft.unexpressed(guest, "net" + nic.index() + " model " + nic.model() + " becomes virtio (the guest sees"
                        + " a new NIC; it needs a virtio driver)");
            }
            if (nic.firewall()) {
                draft.unexpressed(guest, "net" + nic.index() + " has the PVE firewall on; sitec turns it off");
            }
            if (nic.mtu().filter(m -> !m.equals(network.mtu().orElse(1500))).isPresent()) {
                draft.unexpressed(guest, "net" + nic.index() + " MTU " + nic.mtu().get() + " becomes the network's ("
                        + network.mtu().orElse(1500) + ")");
            }
            views.add(new DraftView.Nic(network.name(), address, nic.mac(), note));
        }
        return views;
    }

    /** startup: order=N,up=S,down=S; one without an order is not expressed (the site's needs one). */
    static DraftView.Startup startup(Drafting draft, PveCluster.Guest guest) {
        String text = Values.text(guest.config(), "startup", "");
        if (text.isEmpty()) {
            return null;
        }
        PropertyString p = PropertyString.parse("startup", text);
        Optional<Integer> order = p.integer("order");
        if (order.isEmpty()) {
            draft.unexpressed(guest, "startup " + text + " has no order; sitec gives it one by its role");
            return null;
        }
        return new DraftView.Startup(order.get(), p.integer("up").orElse(null), p.integer("down").orElse(null));
    }
}
