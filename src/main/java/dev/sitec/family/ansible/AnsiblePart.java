package dev.sitec.family.ansible;

import dev.sitec.model.K3sNode;
import dev.sitec.model.K3sNodes;
import dev.sitec.model.Kubernetes;
import dev.sitec.model.Site;
import java.util.List;
import java.util.function.Predicate;

/**
 * A part of the Ansible tree: the playbooks, roles and group variables one kind of host needs, and
 * whether a site has such hosts. A site gets the parts it uses and no others, so that a lab of two
 * VMs holds no K3s, GPU, backup or Datacenter Manager role it would never run.
 *
 * @param play the playbook {@code site.yml} imports for this part, in the order of the constants; null
 *             for a part another part's playbook runs (the GPU role, in the K3s play)
 * @param title what {@code site.yml} says the play does
 */
enum AnsiblePart {

    PROXMOX("playbooks/proxmox.yml", "Configure the Proxmox VE nodes and their cluster", List.of(),
            List.of("proxmox_repositories", "proxmox_node", "proxmox_cluster"), List.of("proxmox"),
            site -> !site.clusters().isEmpty()),
    GUESTS("playbooks/guests.yml", "Keep what cloud-init set up on the VMs and machines as site.yaml says", List.of(), List.of(),
            List.of(), site -> !site.vms().isEmpty() || !site.machines().isEmpty()),
    VMS(null, null, List.of(), List.of(), List.of("vms"), site -> !site.vms().isEmpty()),
    MACHINES(null, null, List.of(), List.of(), List.of("machines"), site -> !site.machines().isEmpty()),
    CONTAINERS(null, null, List.of(), List.of(), List.of("containers"), site -> !site.containers().isEmpty()),
    BACKUP_SERVERS("playbooks/pbs.yml", "Configure the Proxmox Backup Servers", List.of(),
            List.of("proxmox_repositories", "pbs"), List.of("pbs"), site -> !site.backupServers().isEmpty()),
    DATACENTER_MANAGER("playbooks/pdm.yml", "Configure the Proxmox Datacenter Manager", List.of(),
            List.of("proxmox_repositories", "pdm"), List.of("pdm"), site -> site.datacenterManager().isPresent()),
    K3S("playbooks/k3s.yml", "Install the K3s cluster", List.of("playbooks/k3s-upgrade.yml", "playbooks/k3s-uninstall.yml"),
            List.of("k3s_prereqs", "k3s_server", "k3s_agent"), List.of(), site -> !site.kubernetes().isEmpty()),
    GPU(null, null, List.of(), List.of("gpu"), List.of(), AnsiblePart::hasNvidiaGpu),
    FLUX("playbooks/flux.yml", "Bootstrap Flux", List.of(), List.of("flux_bootstrap"), List.of(),
            site -> site.kubernetes().values().stream().anyMatch(k -> k.flux().filter(Kubernetes.Flux::bootstrap).isPresent()));

    private final String play;
    private final String title;
    private final List<String> otherPlaybooks;
    private final List<String> roles;
    private final List<String> groups;
    private final Predicate<Site> used;

    AnsiblePart(String play, String title, List<String> otherPlaybooks, List<String> roles, List<String> groups,
                Predicate<Site> used) {
        this.play = play;
        this.title = title;
        this.otherPlaybooks = otherPlaybooks;
        this.roles = roles;
        this.groups = groups;
        this.used = used;
    }

    /** The parts the site uses, in the order site.yml runs them. */
    static List<AnsiblePart> of(Site site) {
        return java.util.Arrays.stream(values()).filter(p -> p.used.test(site)).toList();
    }

    /** The roles the site's parts use, each once, in the order {@link AnsibleFamily#ROLES} lists them. */
    static List<String> roles(Site site) {
        List<AnsiblePart> parts = of(site);
        return AnsibleFamily.ROLES.stream().filter(r -> parts.stream().anyMatch(p -> p.roles.contains(r))).toList();
    }

    /** Every playbook of the site's parts: what site.yml imports and the day-2 ones. */
    static List<String> playbooks(Site site) {
        return of(site).stream().flatMap(p -> java.util.stream.Stream.concat(
                java.util.stream.Stream.ofNullable(p.play), p.otherPlaybooks.stream())).toList();
    }

    static List<String> groupVars(Site site) {
        return of(site).stream().flatMap(p -> p.groups.stream()).toList();
    }

    /** The plays site.yml imports, in order. */
    static List<AnsibleViews.Play> plays(Site site) {
        return of(site).stream().filter(p -> p.play != null).map(p -> new AnsibleViews.Play(p.title, p.play)).toList();
    }

    private static boolean hasNvidiaGpu(Site site) {
        return K3sNodes.of(site).stream().anyMatch(K3sNode::nvidiaGpu);
    }
}
