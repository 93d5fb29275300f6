package dev.sitec.family.ansible;

import dev.sitec.model.Cluster;
import dev.sitec.model.K3sNode;
import dev.sitec.model.K3sNodes;
import dev.sitec.model.Kubernetes;
import dev.sitec.model.Nic;
import dev.sitec.model.Site;
import dev.sitec.model.Vm;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The YAML inventory: one group per Proxmox cluster, PBS, PDM, guests, machines, and the K3s and
 * architecture groups. A host is reached on its first static address, or by name when it has only
 * DHCP ones (the router's DNS knows it: its MAC is stable, so it can hold a reservation).
 */
final class AnsibleInventory {

    private AnsibleInventory() {
    }

    static AnsibleViews.Inventory of(Site site) {
        List<AnsibleViews.Group> groups = new ArrayList<>();
        List<String> clusterGroups = new ArrayList<>();
        for (Cluster cluster : site.clusters().values()) {
            String group = "proxmox_" + cluster.name().replace('-', '_');
            clusterGroups.add(group);
            groups.add(new AnsibleViews.Group(group, cluster.nodes().values().stream()
                    .map(n -> new AnsibleViews.Host(n.name(), n.address().toString())).toList(), List.of()));
        }
        groups.add(new AnsibleViews.Group("proxmox", List.of(), clusterGroups));
        groups.add(new AnsibleViews.Group("pbs", site.backupServers().values().stream()
                .map(b -> new AnsibleViews.Host(b.name(), b.address().toString())).toList(), List.of()));
        groups.add(new AnsibleViews.Group("pdm", site.datacenterManager().map(pdm -> site.vms().get(pdm.vm()))
                .map(vm -> List.of(host(site, vm.name(), vm.nics()))).orElse(List.of()), List.of()));
        List<Vm> cloudVms = site.vms().values().stream().filter(site::configuredByCloudInit).toList();
        groups.add(new AnsibleViews.Group("vms", cloudVms.stream().map(vm -> host(site, vm.name(), vm.nics())).toList(),
                List.of()));
        groups.add(new AnsibleViews.Group("containers", site.containers().values().stream()
                .map(ct -> host(site, ct.name(), ct.nics())).toList(), List.of()));
        groups.add(new AnsibleViews.Group("machines", site.machines().values().stream()
                .map(m -> host(site, m.name(), m.nics())).toList(), List.of()));
        // Per K3s cluster k3s_cluster_<name> (for its group_vars and --limit), with its servers
        // (k3s_servers_<name>) and agents (k3s_agents_<name>); and across clusters k3s_servers, k3s_agents
        // and k3s_cluster, which the plays target. No cluster name can give one of another's groups.
        List<String> clusters = new ArrayList<>();
        List<String> servers = new ArrayList<>();
        List<String> agents = new ArrayList<>();
        for (Kubernetes k8s : site.kubernetes().values()) {
            String group = AnsibleFamily.clusterGroup(k8s);
            String serverGroup = AnsibleFamily.roleGroup(k8s, "servers");
            String agentGroup = AnsibleFamily.roleGroup(k8s, "agents");
            List<K3sNode> nodes = K3sNodes.of(site, k8s);
            groups.add(new AnsibleViews.Group(serverGroup, names(nodes.stream().filter(K3sNode::isServer).map(K3sNode::name).toList()), List.of()));
            groups.add(new AnsibleViews.Group(agentGroup, names(nodes.stream().filter(n -> !n.isServer()).map(K3sNode::name).toList()), List.of()));
            groups.add(new AnsibleViews.Group(group, List.of(), List.of(serverGroup, agentGroup)));
            clusters.add(group);
            servers.add(serverGroup);
            agents.add(agentGroup);
        }
        groups.add(new AnsibleViews.Group("k3s_servers", List.of(), servers));
        groups.add(new AnsibleViews.Group("k3s_agents", List.of(), agents));
        groups.add(new AnsibleViews.Group("k3s_cluster", List.of(), clusters));
        List<K3sNode> k3s = K3sNodes.of(site);
        groups.add(new AnsibleViews.Group("nvidia_gpu", names(k3s.stream().filter(K3sNode::nvidiaGpu).map(K3sNode::name).toList()), List.of()));
        groups.add(new AnsibleViews.Group("raspberry_pi", names(List.copyOf(site.machines().keySet())), List.of()));
        TreeSet<String> amd64 = new TreeSet<>();
        site.pveNodes().forEach(n -> amd64.add(n.name()));
        amd64.addAll(site.backupServers().keySet());
        site.datacenterManager().ifPresent(pdm -> amd64.add(pdm.vm()));
        cloudVms.forEach(vm -> amd64.add(vm.name()));
        groups.add(new AnsibleViews.Group("amd64", names(List.copyOf(amd64)), List.of()));
        groups.add(new AnsibleViews.Group("arm64", names(List.copyOf(site.machines().keySet())), List.of()));
        return new AnsibleViews.Inventory(groups);
    }

    /** Hosts listed again in further groups: their address is given once, in their first group. */
    private static List<AnsibleViews.Host> names(List<String> hosts) {
        return hosts.stream().map(h -> new AnsibleViews.Host(h, null)).toList();
    }

    private static AnsibleViews.Host host(Site site, String name, List<Nic> nics) {
        return new AnsibleViews.Host(name, nics.stream().filter(n -> !n.dhcp()).findFirst()
                .map(n -> n.staticAddress().toString()).orElseGet(() -> site.info().fqdn(name)));
    }
}
