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
import dev.sitec.family.terraform.TerraformRoots;
import dev.sitec.model.Vm;
import dev.sitec.validate.rules.RequiredSecretsDeclared;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What RUNBOOK.md says for this site: only the steps it needs (no backup section without a backup
 * server, no K3s without a cluster), with its own names, addresses and paths in every command.
 */
public record RunbookSteps(String siteName, List<Installed> installers, List<String> machines, List<ProxmoxCluster> clusters,
                           List<Backup> backups, List<K3s> k3s, List<Secret> secrets, Optional<Cattle> cattleExample,
                           List<Pet> petExamples, String adminUser, List<Stage> stages) {

    /**
     * A cattle VM to show a rebuild with: its Terraform root and address, the lines that give its root its secrets,
     * and, when it is a K3s node, the cluster's first server to drain and delete it from first (K3s
     * refuses a rebuilt node's new password until its Node is deleted: k3s pkg/nodepassword).
     */
    public record Cattle(String name, String root, String address, String exports, Optional<K3s> k3s) {
    }

    /** A secret the person exports before the first stage, and how to make its value. */
    public record Secret(String variable, String how) {
    }

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

    /**
     * A pet (a VM, or a container) and where its backups are, for the restore procedure: {@code tool}
     * is qm or pct, {@code kind} vm or ct as PBS names backup groups.
     */
    public record Pet(String name, int vmId, String node, String nodeAddress, String root, String storageId,
                      String schedule, String tool, String kind, String exports) {
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
        // The API token is made by the Proxmox play and read from its file by the guests stage.
        List<Secret> secrets = site.secrets().values().stream().filter(s -> s.source() == SecretRef.Source.ENV)
                .filter(s -> !s.name().equals(RequiredSecretsDeclared.PROXMOX_API_TOKEN))
                .map(s -> new Secret(s.reference(), howToMake(site, s.name()))).toList();
        // Not a K3s server: rebuilding one is an etcd member leaving and joining, not the example to give.
        Optional<Cattle> cattle = site.vms().values().stream().filter(vm -> !vm.isPet())
                .filter(vm -> site.kubernetes().values().stream().noneMatch(k -> k.servers().contains(vm.name())))
                .findFirst().map(vm -> new Cattle(vm.name(), TerraformRoots.root(site.clusterOf(vm)),
                        TerraformRoots.address(vm), String.join("\n", TerraformRoots.secretExports(site, site.clusterOf(vm))),
                        site.kubernetes().values().stream().filter(k -> k.agents().contains(vm.name())).findFirst()
                                .flatMap(k -> k3s.stream().filter(x -> x.name().equals(k.name())).findFirst())));
        List<Pet> pets = new java.util.ArrayList<>();
        site.vms().values().stream().filter(Vm::isPet).findFirst()
                .flatMap(vm -> pet(site, vm.name(), vm.vmId(), vm.node(), "qm", "vm")).ifPresent(pets::add);
        site.containers().values().stream().filter(Container::isPet).findFirst()
                .flatMap(ct -> pet(site, ct.name(), ct.vmId(), ct.node(), "pct", "ct")).ifPresent(pets::add);
        RunbookSteps steps = new RunbookSteps(site.info().name(), installers, List.copyOf(site.machines().keySet()), clusters,
                backups, k3s, secrets, cattle, pets, site.info().adminUser(), List.of());
        return new RunbookSteps(steps.siteName, installers, steps.machines, clusters, backups, k3s, secrets, cattle, pets,
                steps.adminUser, FirstInstall.of(site, steps));
    }

    /** A pet's restore example, if a backup server holds its backups. */
    private static Optional<Pet> pet(Site site, String name, int vmId, String nodeName, String tool, String kind) {
        PveNode node = site.expectNode(nodeName);
        Cluster cluster = site.clusters().get(node.cluster());
        return site.backupServers().values().stream().filter(b -> b.clusters().contains(cluster.name())).findFirst()
                .map(pbs -> new Pet(name, vmId, nodeName, node.address().toString(), TerraformRoots.root(cluster),
                        pbs.name(), pbs.backupSchedule(), tool, kind, String.join("\n", TerraformRoots.secretExports(site, cluster))));
    }

    /** What a secret's value is, and how to make one, for the person about to export it. */
    private static String howToMake(Site site, String name) {
        if (name.equals(RequiredSecretsDeclared.PBS_PASSWORD)) {
            return "a password you choose for the user PVE backs up to PBS as (the pbs role sets it): openssl rand -base64 24";
        }
        if (name.equals(RequiredSecretsDeclared.PROXMOX_ROOT_PASSWORD)) {
            return "the Proxmox nodes' root password (the one whose hash site.yaml holds), to join them to their cluster";
        }
        if (site.kubernetes().values().stream().anyMatch(k -> k.tokenSecret().equals(name))) {
            return "a random string you keep (every K3s node joins with the same one): openssl rand -hex 32";
        }
        return "the value site.yaml's secrets." + name + " names";
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
