package dev.sitec.validate.rules;

import com.fasterxml.jackson.core.JsonPointer;
import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.model.Ipv4;
import dev.sitec.model.Ipv4Cidr;
import dev.sitec.model.Kubernetes;
import dev.sitec.model.Machine;
import dev.sitec.model.Network;
import dev.sitec.model.Nic;
import dev.sitec.model.Vm;
import dev.sitec.validate.RuleContext;
import dev.sitec.validate.SiteRule;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A LoadBalancer pool kube-vip announces by ARP from the servers: each range must run forwards, lie in
 * one network every server has an address on (ARP answers only on the link), leave out that network's
 * own, broadcast and gateway addresses, hold no static address of the site (a host, the API VIP), and
 * overlap no other range, of this cluster or another.
 */
public final class LoadBalancerPoolFits implements SiteRule {

    private record Entry(Kubernetes k8s, Kubernetes.Range range, JsonPointer at) {
    }

    @Override
    public List<Diagnostic> check(RuleContext context) {
        List<Diagnostic> out = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        for (Kubernetes k8s : context.site().kubernetes().values()) {
            List<Kubernetes.Range> ranges = k8s.loadBalancer().map(Kubernetes.LoadBalancer::addresses).orElse(List.of());
            for (int i = 0; i < ranges.size(); i++) {
                entries.add(new Entry(k8s, ranges.get(i), k8s.origin().appendProperty("load_balancer")
                        .appendProperty("addresses").appendIndex(i)));
            }
        }
        // In the file's order: an overlap is reported at the later of the two ranges.
        entries.sort(java.util.Comparator.comparing(e -> context.value(e.at())));
        List<Entry> seen = new ArrayList<>();
        for (Entry entry : entries) {
            check(context, entry, seen, out);
            seen.add(entry);
        }
        return out;
    }

    private static void check(RuleContext context, Entry entry, List<Entry> seen, List<Diagnostic> out) {
        Kubernetes.Range range = entry.range();
        String what = "load_balancer address range " + range.text();
        if (range.size() == 0) {
            out.add(context.errorAt(entry.at(), what + " runs backwards").withHint("write the lower address first: "
                    + range.last() + "-" + range.first()));
            return;
        }
        if (range.text().contains("/") && Ipv4Cidr.parse(range.text()).hasHostBits()) {
            Ipv4Cidr cidr = Ipv4Cidr.parse(range.text());
            out.add(context.errorAt(entry.at(), what + " has host bits set").withHint("write the block's network address: "
                    + cidr.network() + "/" + cidr.prefix()));
            return;
        }
        Optional<List<Network>> serverNetworks = serverNetworks(context, entry.k8s());
        if (serverNetworks.isEmpty()) {
            return; // an unknown server or network is reported by its own rule
        }
        Optional<Network> home = serverNetworks.get().stream().filter(n -> n.cidr().isPresent()
                && n.cidr().get().contains(range.first()) && n.cidr().get().contains(range.last())).findFirst();
        if (home.isEmpty()) {
            List<String> candidates = serverNetworks.get().stream().filter(n -> n.cidr().isPresent())
                    .map(n -> n.name() + " " + n.cidr().get()).toList();
            out.add(context.errorAt(entry.at(), what + " is not inside a network every server of " + entry.k8s().key()
                    + " has an address on; kube-vip announces Service addresses from the servers, by ARP on their own link")
                    .withHint(candidates.isEmpty() ? "give the servers static addresses on one network with a cidr"
                            : "pick addresses inside " + String.join(" or ", candidates)));
            return;
        }
        Ipv4Cidr cidr = home.get().cidr().get();
        List<String> clashes = new ArrayList<>();
        if (range.contains(cidr.network())) {
            clashes.add(cidr.network() + " is network " + home.get().name() + "'s own address");
        }
        if (range.contains(cidr.broadcast())) {
            clashes.add(cidr.broadcast() + " is network " + home.get().name() + "'s broadcast address");
        }
        home.get().gateway().filter(range::contains).ifPresent(g -> clashes.add(g + " is network " + home.get().name()
                + "'s gateway"));
        for (Hosts.Address address : Hosts.addresses(context.site())) {
            if (range.contains(address.ip())) {
                clashes.add(address.ip() + " is the address of " + address.host().describe() + " (line "
                        + context.value(address.at()).line() + ")");
            }
        }
        if (!clashes.isEmpty()) {
            out.add(context.errorAt(entry.at(), what + " holds addresses already in use: " + String.join("; ", clashes))
                    .withHint("keep the pool clear of the site's static addresses, e.g. a range at the end of "
                            + home.get().name() + " that no host uses"));
        }
        for (Entry other : seen) {
            if (Integer.compareUnsigned(other.range().first().bits(), range.last().bits()) <= 0
                    && Integer.compareUnsigned(range.first().bits(), other.range().last().bits()) <= 0) {
                out.add(context.errorAt(entry.at(), what + " overlaps " + other.range().text() + " of " + other.k8s().key()
                        + " (line " + context.value(other.at()).line() + ")")
                        .withHint("give each range its own addresses"));
            }
        }
    }

    /** The networks every server of the cluster has an address on; empty when a server or network is unknown. */
    private static Optional<List<Network>> serverNetworks(RuleContext context, Kubernetes k8s) {
        Set<String> common = null;
        for (String server : k8s.servers()) {
            Vm vm = context.site().vms().get(server);
            Machine machine = context.site().machines().get(server);
            List<Nic> nics = vm != null ? vm.nics() : machine != null ? machine.nics() : null;
            if (nics == null) {
                return Optional.empty();
            }
            Set<String> networks = new LinkedHashSet<>(nics.stream().filter(n -> !n.dhcp()).map(Nic::network).toList());
            if (common == null) {
                common = networks;
            } else {
                common.retainAll(networks);
            }
        }
        if (common == null || !context.site().networks().keySet().containsAll(common)) {
            return Optional.empty();
        }
        return Optional.of(common.stream().map(context.site().networks()::get).toList());
    }
}
