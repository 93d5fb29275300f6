package dev.sitec.family.ansible;

import java.util.List;

/** The views of the Ansible tree's site-specific files; roles and playbooks are the same for every site. */
public final class AnsibleViews {

    private AnsibleViews() {
    }

    /** A group of the YAML inventory: its hosts (with their addresses) and child groups. */
    /** The parts of the Ansible tree a site uses (see {@link AnsiblePart}), for site.yml, the README and playbooks. */
    public record Parts(List<Play> plays, List<String> roles, List<String> groups, List<String> secretVariables, boolean guests,
                        boolean backupServers, boolean datacenterManager, boolean k3s, boolean gpu, boolean flux) {
    }

    /** One playbook site.yml imports, and what it does. */
    public record Play(String title, String playbook) {
    }

    public record Group(String name, List<Host> hosts, List<String> children) {
    }

    /** An inventory host and the address Ansible reaches it on. */
    public record Host(String name, String address) {
    }

    public record Inventory(List<Group> groups) {
    }

    /** How a play finds a secret: the variable, the lookup that reads it, and what to tell the operator. */
    public record Secret(String variable, String lookup, String source, String name) {
    }

    /** Site-wide variables (group_vars/all.yml). */
    public record All(String siteName, String domain, String timezone, String adminUser, String adminEmail,
                      List<String> sshKeys, List<Secret> secrets) {
    }

    /** Proxmox VE nodes' variables; the cluster's storages are given to its first node, which fixes them up. */
    public record ProxmoxNode(String host, String cluster, boolean firstNode, String firstNodeName, String firstNodeAddress,
                              String uplinkInterface, String bridge, int uplinkMtu, List<String> otherBridges,
                              boolean passthrough, List<String> gpuIds, List<Guest> guests,
                              List<DiskImage> diskImages, List<String> datastores, String snippetsDatastore, boolean pdmRemote,
                              List<Storage> storages, boolean subscription, List<String> clusterNodes) {
    }

    /**
     * A guest of the node and the settings Ansible makes on it with qm or pct once Terraform has
     * created it, as only root@pam may (a USB device by port, a container's bind mounts, device nodes
     * and features) or as the provider cannot (a VM's second CD-ROM). Ansible deletes a setting it
     * made that the site no longer lists, so every guest of the node is listed, settings or not.
     *
     * @param pet a pet is never restarted to apply a setting that waits for the next start: Ansible
     *            reports it instead
     * @param start the VM was created stopped (Terraform's start_at_create) and Ansible starts it once
     *              the drives it attaches are in
     * @param notes comment lines for the operator (how a bind mount's owners map into the container)
     */
    public record Guest(String guest, int vmid, String tool, boolean pet, boolean start, List<Setting> settings,
                        List<String> notes) {
    }

    /** One option of a guest's config (usb0, ide0, features, mp1, dev0) and the value sitec gives it. */
    public record Setting(String option, String value) {
    }

    /** A compressed disk image the node fetches and decompresses into its local storage's import folder. */
    public record DiskImage(String name, String url, String checksum, String file, String decompress) {
    }

    /** A VM storage of a cluster, the nodes that have it, and how {@code pvesm add} defines it. */
    public record Storage(String id, String type, List<String> nodes, List<String> options) {
    }

    /** A backup server's variables. */
    public record BackupServer(String host, String datastore, String raidLevel, List<String> disks, String gcSchedule,
                               List<Keep> keep, List<String> fingerprintFiles, boolean pdmRemote) {
    }

    /** One prune setting as proxmox-backup-manager names it. */
    public record Keep(String option, int value) {
    }

    /** The Datacenter Manager's variables: the remotes it registers. */
    public record DatacenterManager(String host, List<Remote> remotes) {
    }

    /** A PDM remote: a PVE cluster or a PBS, with every node PDM may reach it through. */
    public record Remote(String id, String type, List<Host> nodes) {
    }

    /** A K3s node's variables. */
    public record K3sHost(String host, String role, boolean firstServer, String arch, boolean raspberryPi,
                          String longhornDisk, boolean nvidiaGpu, String configFile, String nodeInterface,
                          List<String> labels, List<String> taints) {
    }

    /**
     * One K3s cluster's variables, for its group: its name, group, first server, the variable that
     * holds its token (each cluster has its own secret), its version, API address (the VIP, else the
     * first server's node IP), what kube-vip does, the addresses a rebuilt first server looks for its
     * cluster at, the load-balancer pool, Flux settings, and the HelmChart manifests K3s installs when
     * there is no Flux.
     *
     * @param joinAddresses where a server with no datastore asks whether the cluster runs: the VIP, or
     *                      without one every other server's address
     * @param helmCharts manifest files (in the tree's k3s-manifests folder of the cluster) the first
     *                   server puts in K3s's manifests folder
     * @param longhornManifest the name Longhorn's HelmChart file has there, which the role never removes
     */
    public record K3sCluster(String name, String group, String firstServer, String tokenVariable, String version,
                             String apiAddress, String apiVip, String apiInterface, List<String> joinAddresses,
                             String loadBalancerRanges, String fluxVersion, String fluxSyncFile,
                             String fluxRepository, boolean fluxDeployKey, String manifestsDir, List<String> helmCharts,
                             String longhornManifest) {
    }

    /**
     * A manifest K3s's Helm controller installs (helm.cattle.io/v1 HelmChart), for a cluster without
     * Flux: the same chart, version, namespace and values Flux would release.
     */
    public record HelmChart(String name, String namespace, String repositoryUrl, String chart, String version,
                            dev.sitec.family.flux.YamlValue values) {
    }

    /**
     * A K3s config.yaml, everything but the token (a secret) and, for servers, whether it creates the
     * cluster or joins it (decided on the host at its first start): both Ansible writes as drop-ins.
     */
    public record K3sConfig(boolean server, String serverUrl, String nodeIp, String flannelIface,
                            List<String> tlsSans, List<String> disable, List<String> nodeLabels,
                            List<String> nodeTaints) {
    }
}
