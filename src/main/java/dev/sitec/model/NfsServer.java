package dev.sitec.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which of the NFS server's addresses the cluster mounts: one that every K3s node reaches, since a
 * pod with an NFS volume may run on any node, and csi-driver-nfs's controller (host network) on any
 * node too. Preferred: a network every K3s node has an address on, a storage network (no gateway,
 * e.g. jumbo frames) first. Else: an address on a routed network (one with a gateway), which every
 * node reaches through its own gateway, provided every node has an address on a routed network.
 */
public final class NfsServer {

    private NfsServer() {
    }

    public static Optional<Ipv4> addressReachableFromEveryNode(Site site, Kubernetes k8s) {
        Optional<Kubernetes.Nfs> nfs = k8s.nfs();
        Vm server = nfs.map(n -> site.vms().get(n.server())).orElse(null);
        if (server == null) {
            return Optional.empty();
        }
        List<Set<String>> nodeNetworks = new ArrayList<>();
        for (String node : k8s.nodes()) {
            nodeNetworks.add(networksOf(site, node));
        }
        List<Nic> shared = server.nics().stream()
                .filter(nic -> nodeNetworks.stream().allMatch(networks -> networks.contains(nic.network()))).toList();
        Optional<Nic> direct = shared.stream().filter(nic -> !routed(site, nic.network())).findFirst()
                .or(() -> shared.stream().findFirst());
        if (direct.isPresent()) {
            return direct.flatMap(Nic::address);
        }
        boolean everyNodeRouted = nodeNetworks.stream().allMatch(networks -> networks.stream().anyMatch(n -> routed(site, n)));
        return everyNodeRouted
                ? server.nics().stream().filter(nic -> routed(site, nic.network())).findFirst().flatMap(Nic::address)
                : Optional.empty();
    }

    private static boolean routed(Site site, String network) {
        Network n = site.networks().get(network);
        return n != null && n.gateway().isPresent();
    }

    /** The networks a VM or machine has an address on (none for a name that is neither). */
    public static Set<String> networksOf(Site site, String host) {
        Vm vm = site.vms().get(host);
        List<Nic> nics = vm != null ? vm.nics()
                : Optional.ofNullable(site.machines().get(host)).map(Machine::nics).orElse(List.of());
        return nics.stream().map(Nic::network).collect(Collectors.toSet());
    }
}
