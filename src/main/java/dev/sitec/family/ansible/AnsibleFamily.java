package dev.sitec.family.ansible;

import dev.sitec.model.BackupServer;
import dev.sitec.model.Cluster;
import dev.sitec.model.Device;
import dev.sitec.model.Filesystem;
import dev.sitec.model.K3sNode;
import dev.sitec.model.K3sNodes;
import dev.sitec.model.Kubernetes;
import dev.sitec.model.PlatformCharts;
import dev.sitec.model.Network;
import dev.sitec.model.PveNode;
import dev.sitec.model.SecretRef;
import dev.sitec.model.Site;
import dev.sitec.plan.OutputFamily;
import dev.sitec.validate.rules.RequiredSecretsDeclared;
import dev.sitec.plan.PlannedFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Ansible: a YAML inventory with the site's groups, group and host variables holding the site data
 * the roles need, rendered K3s configs, and roles and playbooks (the same for every site) that
 * configure the Proxmox hosts, PBS, PDM, and the K3s cluster with its GPU nodes and Flux.
 */
public final class AnsibleFamily implements OutputFamily {

    /** Files every site gets whose text does not depend on it. */
    static final List<String> STATIC_FILES = List.of("ansible.cfg", "requirements.yml");

    static final List<String> ROLES = List.of("proxmox_repositories", "proxmox_node", "proxmox_cluster", "pbs", "pdm", "k3s_prereqs",
            "k3s_server", "k3s_agent", "gpu", "flux_bootstrap");

    /** Each role's files besides meta/main.yml and README.md. */
    static final Map<String, List<String>> ROLE_FILES = Map.ofEntries(
            Map.entry("proxmox_repositories", List.of("defaults/main.yml", "tasks/main.yml")),
            Map.entry("proxmox_node", List.of("defaults/main.yml", "tasks/main.yml", "tasks/network.yml", "tasks/passthrough.yml",
                    "tasks/boot_loader.yml",
                    "tasks/disk_images.yml", "tasks/guest_settings.yml", "tasks/guest_settings_guest.yml", "tasks/api_token.yml",
                    "handlers/main.yml", "templates/guest_plan.j2")),
            Map.entry("proxmox_cluster", List.of("defaults/main.yml", "tasks/main.yml", "tasks/hostname.yml", "tasks/storage.yml",
                    "tasks/datastores.yml", "tasks/reboot.yml")),
            Map.entry("pbs", List.of("defaults/main.yml", "tasks/main.yml")),
            Map.entry("pdm", List.of("defaults/main.yml", "tasks/main.yml")),
            Map.entry("k3s_prereqs", List.of("defaults/main.yml", "tasks/main.yml", "tasks/raspberry_pi.yml", "tasks/redhat.yml",
                    "handlers/main.yml")),
            Map.entry("k3s_server", List.of("defaults/main.yml", "tasks/main.yml", "tasks/node_labels.yml", "tasks/manifests.yml", "handlers/main.yml",
                    "templates/k3s.service.j2", "templates/kube-vip.yaml.j2")),
            Map.entry("k3s_agent", List.of("defaults/main.yml", "tasks/main.yml", "handlers/main.yml", "templates/k3s-agent.service.j2")),
            Map.entry("gpu", List.of("defaults/main.yml", "tasks/main.yml", "handlers/main.yml")),
            Map.entry("flux_bootstrap", List.of("defaults/main.yml", "tasks/main.yml")));

    @Override
    public String name() {
        return "ansible";
    }

    @Override
    public List<PlannedFile> plan(Site site) {
        List<PlannedFile> files = new ArrayList<>();
        Map<String, Object> none = Map.of();
        for (String file : STATIC_FILES) {
            files.add(PlannedFile.of("ansible/" + file, "ansible/" + file + ".ftl", none));
        }
        AnsibleViews.Parts parts = parts(site);
        files.add(PlannedFile.of("ansible/README.md", "ansible/README.md.ftl", parts));
        files.add(PlannedFile.of("ansible/site.yml", "ansible/site.yml.ftl", parts));
        for (String playbook : AnsiblePart.playbooks(site)) {
            files.add(PlannedFile.of("ansible/" + playbook, "ansible/" + playbook + ".ftl", parts));
        }
        for (String group : AnsiblePart.groupVars(site)) {
            String path = "ansible/inventory/group_vars/" + group + ".yml";
            files.add(PlannedFile.of(path, path + ".ftl", none));
        }
        for (String role : AnsiblePart.roles(site)) {
            List<String> roleFiles = new ArrayList<>(ROLE_FILES.get(role));
            roleFiles.add("meta/main.yml");
            roleFiles.add("README.md");
            for (String file : roleFiles) {
                String path = "ansible/roles/" + role + "/" + file;
                files.add(PlannedFile.of(path, path + ".ftl", path.equals(PROXMOX_NODE_DEFAULTS) ? privileges() : none));
            }
        }
        files.add(PlannedFile.of("ansible/inventory/hosts.yml", "ansible/site/hosts.yml.ftl", AnsibleInventory.of(site)));
        files.add(PlannedFile.of("ansible/inventory/group_vars/all.yml", "ansible/site/all.yml.ftl", all(site)));
        Map<String, List<AnsibleViews.Guest>> settings = GuestSettings.byNode(site);
        for (Cluster cluster : site.clusters().values()) {
            for (PveNode node : cluster.nodes().values()) {
                files.add(hostVars(node.name(), "proxmox_node",
                        proxmoxNode(site, cluster, node, settings.getOrDefault(node.name(), List.of()))));
            }
        }
        for (BackupServer pbs : site.backupServers().values()) {
            files.add(hostVars(pbs.name(), "backup_server", backupServer(site, pbs)));
        }
        site.datacenterManager().ifPresent(pdm -> files.add(hostVars(pdm.vm(), "datacenter_manager",
                new AnsibleViews.DatacenterManager(pdm.vm(), pdm.remotes().stream().map(r -> remote(site, r)).toList()))));
        for (Kubernetes k8s : site.kubernetes().values()) {
            List<K3sNode> nodes = K3sNodes.of(site, k8s);
            List<PlannedFile> manifests = K3sManifests.of(site, k8s, manifestsDir(k8s));
            files.addAll(manifests);
            files.add(PlannedFile.of("ansible/inventory/group_vars/" + clusterGroup(k8s) + ".yml",
                    "ansible/site/k3s_cluster.yml.ftl", k3sCluster(site, k8s, nodes, manifests)));
            for (K3sNode node : nodes) {
                boolean first = node.name().equals(k8s.servers().get(0));
                String config = "k3s-" + node.role().id() + ".yaml";
                files.add(hostVars(node.name(), "k3s_host", new AnsibleViews.K3sHost(node.name(), node.role().id(), first,
                        node.arch().id(), node.raspberryPi(), node.longhornDisk().orElse(""), node.nvidiaGpu(), config,
                        node.nodeInterface(), labels(node), node.taints().stream().map(Object::toString).toList())));
                files.add(PlannedFile.of("ansible/host_files/" + node.name() + "/" + config, "ansible/site/k3s-config.yaml.ftl",
                        k3sConfig(site, k8s, node)));
            }
        }
        return files;
    }

    private static AnsibleViews.Parts parts(Site site) {
        List<AnsiblePart> parts = AnsiblePart.of(site);
        // The API token is Terraform's (the proxmox play makes it): the plays read the other secrets.
        List<String> secrets = site.secrets().values().stream().filter(s -> s.source() == SecretRef.Source.ENV)
                .filter(s -> !s.name().equals(RequiredSecretsDeclared.PROXMOX_API_TOKEN))
                .map(SecretRef::reference).distinct().toList();
        List<String> groups = AnsibleInventory.of(site).groups().stream().map(AnsibleViews.Group::name).toList();
        return new AnsibleViews.Parts(AnsiblePart.plays(site), AnsiblePart.roles(site), groups, secrets,
                parts.contains(AnsiblePart.GUESTS), parts.contains(AnsiblePart.BACKUP_SERVERS),
                parts.contains(AnsiblePart.DATACENTER_MANAGER), parts.contains(AnsiblePart.K3S),
                parts.contains(AnsiblePart.GPU), parts.contains(AnsiblePart.FLUX));
    }

    private static final String PROXMOX_NODE_DEFAULTS = "ansible/roles/proxmox_node/defaults/main.yml";

    private static Map<String, Object> privileges() {
        return Map.of("terraformPrivileges", ApiPrivileges.TERRAFORM, "pdmPrivileges", ApiPrivileges.DATACENTER_MANAGER);
    }

    private static PlannedFile hostVars(String host, String kind, Object view) {
        return PlannedFile.of("ansible/inventory/host_vars/" + host + ".yml", "ansible/site/host_vars/" + kind + ".yml.ftl", view);
    }

    static AnsibleViews.All all(Site site) {
        List<AnsibleViews.Secret> secrets = new ArrayList<>();
        for (SecretRef secret : site.secrets().values()) {
            boolean env = secret.source() == SecretRef.Source.ENV;
            secrets.add(new AnsibleViews.Secret("sitec_secret_" + secret.name(), env ? "env" : "file", secret.reference(),
                    secret.name()));
        }
        var info = site.info();
        return new AnsibleViews.All(info.name(), info.domain(), info.timezone(), info.adminUser(), info.adminEmail(),
                info.sshAuthorizedKeys(), secrets);
    }

    private static AnsibleViews.ProxmoxNode proxmoxNode(Site site, Cluster cluster, PveNode node,
                                                        List<AnsibleViews.Guest> guests) {
        List<String> gpuIds = node.devices().values().stream()
                .filter(Device::isNvidiaGpu)
                .map(Device::id).sorted().toList();
        boolean first = node.equals(cluster.firstNode());
        return new AnsibleViews.ProxmoxNode(node.name(), cluster.name(), first,
                cluster.firstNode().name(), cluster.firstNode().address().toString(), node.interfaceName().orElse(""),
                Network.DEFAULT_BRIDGE, site.largestMtu(Network.DEFAULT_BRIDGE), otherBridges(site),
                node.devices().values().stream().anyMatch(d -> d.type() == Device.Type.PCI),
                gpuIds, guests, GuestSettings.diskImages(site, node), GuestSettings.datastores(site, node), node.snippetsDatastore(),
                isPdmRemote(site, cluster.name()), first ? storages(cluster) : List.of(), node.subscription(),
                List.copyOf(cluster.nodes().keySet()));
    }

    /** Bridges besides the installer's that the site's networks live on: they must exist on every node. */
    private static List<String> otherBridges(Site site) {
        return site.networks().values().stream().map(Network::bridge).filter(b -> !b.equals(Network.DEFAULT_BRIDGE))
                .distinct().sorted().toList();
    }

    /**
     * Each VM storage the installer made on the cluster's nodes, with the nodes whose boot filesystem
     * made it. Storages of nodes installed already, and datastores the site names, sitec does not
     * define: Ansible checks that they exist (GuestSettings.datastores).
     */
    private static List<AnsibleViews.Storage> storages(Cluster cluster) {
        Map<String, Filesystem.StorageDefinition> definitions = new TreeMap<>();
        Map<String, List<String>> nodes = new TreeMap<>();
        for (PveNode node : cluster.nodes().values()) {
            if (node.bootDisks().isEmpty()) {
                continue;
            }
            Filesystem.StorageDefinition definition = node.bootDisks().get().filesystem().vmStorage();
            definitions.put(definition.id(), definition);
            nodes.computeIfAbsent(definition.id(), id -> new ArrayList<>()).add(node.name());
        }
        return definitions.values().stream().map(d -> new AnsibleViews.Storage(d.id(), d.type(),
                List.copyOf(nodes.get(d.id())), d.options())).toList();
    }

    private static AnsibleViews.BackupServer backupServer(Site site, BackupServer pbs) {
        var datastore = pbs.primaryDatastore();
        String raid = datastore.existing() ? "" : switch (datastore.raid()) {
            case RAID0 -> datastore.disks().size() == 1 ? "single" : "raid0";
            case RAID1 -> "mirror";
            case RAID10 -> "raid10";
            case RAIDZ1 -> "raidz";
            case RAIDZ2 -> "raidz2";
            case RAIDZ3 -> "raidz3";
        };
        List<AnsibleViews.Keep> keep = pbs.retention().options().entrySet().stream()
                .map(e -> new AnsibleViews.Keep(e.getKey(), e.getValue())).toList();
        return new AnsibleViews.BackupServer(pbs.name(), datastore.name(), raid, datastore.disks(), "daily", keep,
                // Each root of a cluster that backs up here reads this server's fingerprint from that file.
                pbs.clusters().stream().filter(site.clusters()::containsKey)
                        .map(c -> "../terraform/clusters/" + c + "/pbs.auto.tfvars.json").toList(),
                isPdmRemote(site, pbs.name()));
    }

    private static boolean isPdmRemote(Site site, String name) {
        return site.datacenterManager().map(pdm -> pdm.remotes().contains(name)).orElse(false);
    }

    private static AnsibleViews.Remote remote(Site site, String name) {
        Cluster cluster = site.clusters().get(name);
        if (cluster != null) {
            return new AnsibleViews.Remote(name, "pve", cluster.nodes().values().stream()
                    .map(n -> new AnsibleViews.Host(n.name(), n.address().toString())).toList());
        }
        return new AnsibleViews.Remote(name, "pbs",
                List.of(new AnsibleViews.Host(name, site.backupServers().get(name).address().toString())));
    }

    /**
     * The inventory group of one K3s cluster's nodes: k3s_cluster_<name> ('-' becomes '_': Ansible group
     * names), with k3s_servers_<name> and k3s_agents_<name>. Every cluster name gives groups of its own
     * that no other name and none of sitec's groups across clusters (k3s_cluster, k3s_servers, k3s_agents)
     * can give: a cluster may be called cluster, servers or agents.
     */
    public static String clusterGroup(Kubernetes k8s) {
        return "k3s_cluster_" + groupName(k8s);
    }

    /** The group of one cluster's servers or agents (role "servers" or "agents"). */
    public static String roleGroup(Kubernetes k8s, String role) {
        return "k3s_" + role + "_" + groupName(k8s);
    }

    private static String groupName(Kubernetes k8s) {
        return k8s.name().replace('-', '_');
    }

    /** Where the tree keeps the manifests K3s installs on the cluster's first server. */
    static String manifestsDir(Kubernetes k8s) {
        return "ansible/host_files/" + k8s.servers().get(0) + "/manifests/";
    }

    private static AnsibleViews.K3sCluster k3sCluster(Site site, Kubernetes k8s, List<K3sNode> nodes, List<PlannedFile> manifests) {
        List<String> serverInterfaces = nodes.stream().filter(K3sNode::isServer).map(K3sNode::nodeInterface).distinct().toList();
        // Flux whose sync sitec makes: none for a cluster whose Flux runs from its owner's tree.
        var flux = k8s.flux().filter(Kubernetes.Flux::bootstrap);
        // A server with no datastore asks here whether its cluster runs: behind the VIP, or without one
        // at every other server (a rebuilt first server joins the servers that kept the cluster).
        List<String> join = k8s.apiVip().map(vip -> List.of(vip.toString())).orElseGet(() -> nodes.stream()
                .filter(K3sNode::isServer).skip(1).map(n -> n.nodeIp().orElseThrow().toString()).toList());
        return new AnsibleViews.K3sCluster(k8s.name(), clusterGroup(k8s), k8s.servers().get(0),
                "sitec_secret_" + k8s.tokenSecret(), k8s.version(), k8s.api().toString(),
                k8s.apiVip().map(Object::toString).orElse(""),
                // kube-vip announces the VIP on one interface name; when servers differ it finds the default route's.
                serverInterfaces.size() == 1 ? serverInterfaces.get(0) : "", join,
                k8s.loadBalancer().map(Kubernetes.LoadBalancer::rangeGlobal).orElse(""),
                flux.map(Kubernetes.Flux::version).orElse(""),
                // inventory_dir is the inventory folder, ansible/inventory: the Flux tree is two levels up.
                flux.map(f -> "../../flux/" + f.path() + "/flux-system.yaml").orElse(""),
                flux.map(Kubernetes.Flux::repository).orElse(""),
                flux.map(Kubernetes.Flux::needsDeployKey).orElse(false),
                "host_files/" + k8s.servers().get(0) + "/manifests",
                manifests.stream().map(f -> f.path().substring(f.path().lastIndexOf('/') + 1)).toList(),
                K3sManifests.helmChartFile(PlatformCharts.LONGHORN));
    }

    /** The node's labels as K3s and kubectl take them, key=value. */
    private static List<String> labels(K3sNode node) {
        return node.labels().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
    }

    static AnsibleViews.K3sConfig k3sConfig(Site site, Kubernetes k8s, K3sNode node) {
        String serverUrl = node.isServer() ? null : "https://" + k8s.api() + ":6443";
        List<String> sans = new ArrayList<>();
        List<String> disable = new ArrayList<>();
        if (node.isServer()) {
            // The VIP, else the first server's address: the one every kubeconfig and joining node uses.
            sans.add(k8s.api().toString());
            // The API's name is the cluster's own: two clusters of a site may not answer to one name
            // (a kubeconfig for one would be accepted by the other's certificate). A site with one
            // cluster keeps the site's name too, which kubeconfigs made before may use.
            sans.add(site.info().fqdn(k8s.name()));
            if (site.kubernetes().size() == 1 && !k8s.name().equals(site.info().name())) {
                sans.add(site.info().fqdn(site.info().name()));
            }
            sans.add(site.info().fqdn(node.name()));
            // K3s's local-path class is a default StorageClass too; two defaults make PVCs ambiguous.
            if (k8s.longhorn().map(Kubernetes.Longhorn::defaultClass).orElse(false)) {
                disable.add("local-storage");
            }
            // kube-vip gives LoadBalancer Services their addresses from the pool: ServiceLB would too.
            if (k8s.loadBalancer().isPresent()) {
                disable.add("servicelb");
            }
        }
        return new AnsibleViews.K3sConfig(node.isServer(), serverUrl, node.nodeIp().map(Object::toString).orElse(null),
                node.nodeInterface(), sans, disable, labels(node), node.taints().stream().map(Object::toString).toList());
    }
}
