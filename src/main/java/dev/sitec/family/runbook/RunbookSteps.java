package dev.sitec.family.runbook;

import dev.sitec.model.BackupServer;
import dev.sitec.model.Cluster;
import dev.sitec.model.Container;
import dev.sitec.family.ansible.AnsibleFamily;
import dev.sitec.model.K3sNodes;
import dev.sitec.model.Kubernetes;
import dev.sitec.model.PveNode;
import dev.sitec.model.SecretRef;
import dev.sitec.model.Site;
import dev.sitec.model.Vm;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What RUNBOOK.md says for this site: only the steps it needs (no backup section without a backup
 * server, no K3s without a cluster), with its own names, addresses and paths in every command.
 */
public record RunbookSteps(String siteName, List<Installed> installers, List<String> machines, List<ProxmoxCluster> clusters,
                           List<Backup> backups, List<K3s> k3s, List<String> exports, Optional<String> cattleExample,
                           Optional<Pet> petExample, String adminUser) {

    /** A host sitec installs from an ISO it prepares. */
    public record Installed(String name, String address, String kind) {
    }

    /** A PVE cluster: its first node, its nodes, and its guests that exist already (Terraform adopts them). */
    public record ProxmoxCluster(String name, String firstNode, String firstAddress, List<String> nodes,
                                 List<String> adopted) {
    }

    public record Backup(String name, String address, String storageId) {
    }

    /** A K3s cluster: its first server (where kubectl runs), its version and the next minor one. */
    public record K3s(String name, String group, String firstServer, String firstAddress, String version, String nextMinor,
                      boolean flux, String tokenVariable) {
    }

    /** A pet and where its backups are, for the restore procedure. */
    public record Pet(String name, int vmId, String node, String nodeAddress, String cluster, Optional<String> storageId,
                      String schedule) {
    }

    private static final Pattern VERSION = Pattern.compile("v(\\d+)\\.(\\d+)\\..*");

    public static RunbookSteps of(Site site) {
        List<Installed> installers = new java.util.ArrayList<>();
        site.pveNodes().filter(PveNode::installedBySitec)
                .forEach(n -> installers.add(new Installed(n.name(), n.address().toString(), "Proxmox VE")));
        site.backupServers().values().stream().filter(BackupServer::installedBySitec)
                .forEach(b -> installers.add(new Installed(b.name(), b.address().toString(), "Proxmox Backup Server")));
        List<ProxmoxCluster> clusters = site.clusters().values().stream().map(c -> cluster(site, c)).toList();
        List<Backup> backups = site.backupServers().values().stream()
                .map(b -> new Backup(b.name(), b.address().toString(), b.name())).toList();
        List<K3s> k3s = site.kubernetes().values().stream().map(k -> k3s(site, k)).toList();
        List<String> exports = site.secrets().values().stream().filter(s -> s.source() == SecretRef.Source.ENV)
                .map(s -> s.reference() + "=…").toList();
        // Not a K3s server: rebuilding one is an etcd member leaving and joining, not the example to give.
        Optional<String> cattle = site.vms().values().stream().filter(vm -> !vm.isPet())
                .filter(vm -> site.kubernetes().values().stream().noneMatch(k -> k.servers().contains(vm.name())))
                .map(Vm::name).findFirst();
        Optional<Pet> pet = site.vms().values().stream().filter(Vm::isPet).findFirst().map(vm -> {
            Optional<BackupServer> pbs = site.backupServers().values().stream()
                    .filter(b -> b.clusters().contains(site.clusterOf(vm).name())).findFirst();
            return new Pet(vm.name(), vm.vmId(), vm.node(), site.expectNode(vm.node()).address().toString(),
                    site.clusterOf(vm).name(), pbs.map(BackupServer::name),
                    pbs.map(BackupServer::backupSchedule).orElse(""));
        });
        return new RunbookSteps(site.info().name(), installers, List.copyOf(site.machines().keySet()), clusters, backups, k3s,
                exports, cattle, pet, site.info().adminUser());
    }

    private static ProxmoxCluster cluster(Site site, Cluster c) {
        PveNode first = c.firstNode();
        List<String> adopted = new java.util.ArrayList<>();
        site.vms().values().stream().filter(Vm::existing).filter(vm -> c.nodes().containsKey(vm.node()))
                .forEach(vm -> adopted.add(vm.name()));
        site.containers().values().stream().filter(Container::existing).filter(ct -> c.nodes().containsKey(ct.node()))
                .forEach(ct -> adopted.add(ct.name()));
        return new ProxmoxCluster(c.name(), first.name(), first.address().toString(), List.copyOf(c.nodes().keySet()),
                List.copyOf(adopted));
    }

    private static K3s k3s(Site site, Kubernetes k) {
        // The first server's node IP (its address on the API network), as K3s and kubectl know it.
        String first = k.servers().get(0);
        String address = K3sNodes.of(site, k).get(0).nodeIp().map(Object::toString).orElse(site.info().fqdn(first));
        Matcher m = VERSION.matcher(k.version());
        String next = m.matches() ? "v" + m.group(1) + "." + (Integer.parseInt(m.group(2)) + 1) : "the next minor version";
        SecretRef token = site.secrets().get(k.tokenSecret());
        return new K3s(k.name(), AnsibleFamily.clusterGroup(k), first, address, k.version(), next, k.flux().isPresent(),
                token == null ? k.tokenSecret() : token.reference());
    }
}
