package dev.sitec.change;

import static dev.sitec.change.ChangeKind.CLUSTER;
import static dev.sitec.change.ChangeKind.HOST;
import static dev.sitec.change.ChangeKind.IN_PLACE;

import com.fasterxml.jackson.core.JsonPointer;
import dev.sitec.model.K3sNode;
import dev.sitec.model.K3sNodes;
import dev.sitec.model.Kubernetes;
import dev.sitec.model.Site;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What an edit does to the K3s cluster: its members (with etcd's quorum before and after), its
 * version (K3s upgrades one minor version at a time and never down: docs.k3s.io/upgrades), its API
 * address, the labels its nodes register with, and what Flux delivers.
 */
final class KubernetesChanges {

    private static final JsonPointer KUBERNETES = JsonPointer.compile("/kubernetes");
    private static final Pattern VERSION = Pattern.compile("v(\\d+)\\.(\\d+)\\.(\\d+)\\+k3s(\\d+)");
    private static final String FLUX = "Flux reconciles it from the repository";

    private KubernetesChanges() {
    }

    static List<Change> compare(Site beforeSite, Site afterSite) {
        List<Change> changes = new ArrayList<>();
        afterSite.kubernetes().forEach((name, after) -> {
            Kubernetes before = beforeSite.kubernetes().get(name);
            Scope scope = new Scope("k3s " + name, after.origin());
            if (before == null) {
                changes.add(Change.of(CLUSTER, scope.subject(), "created", "the playbook installs it; Flux then delivers"
                        + " the apps", scope.at()));
            } else {
                changes.addAll(compare(scope, beforeSite, before, afterSite, after));
            }
        });
        beforeSite.kubernetes().keySet().stream().filter(n -> !afterSite.kubernetes().containsKey(n)).forEach(n ->
                changes.add(Change.of(CLUSTER, "k3s " + n, "removed from the site", "sitec stops managing it; nothing"
                        + " uninstalls K3s from its nodes", KUBERNETES)));
        return changes;
    }

    /**
     * Changes that restart K3s servers (a profile they share, say) are applied together: Terraform
     * updates the VMs in parallel and the provider restarts each one it updates (vmUpdate with
     * reboot_after_update, which the module keeps at its default). When too few servers stay up,
     * etcd loses its quorum until they are back: a warning, with the way to roll the change.
     */
    static List<Change> serversRestarted(Site beforeSite, Site afterSite, List<Change> changes) {
        List<Change> warnings = new ArrayList<>();
        java.util.Set<String> restarting = changes.stream().filter(Change::reboots)
                .filter(c -> c.subject().startsWith("vm ")).map(c -> c.subject().substring("vm ".length()))
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        afterSite.kubernetes().forEach((name, cluster) -> {
            Kubernetes before = beforeSite.kubernetes().get(name);
            if (before == null || cluster.servers().size() < 2) {
                return;
            }
            List<String> down = cluster.servers().stream().filter(s -> before.servers().contains(s))
                    .filter(restarting::contains).toList();
            int up = cluster.servers().size() - down.size();
            if (down.isEmpty() || up >= quorum(cluster.servers().size())) {
                return;
            }
            String roll = down.stream().map(s -> "terraform -chdir=" + GuestIdentity.of(afterSite, afterSite.vms().get(s))
                    .root() + " apply -target='module.vm[\"" + s + "\"]'").collect(Collectors.joining(", then "));
            warnings.add(Change.of(CLUSTER, "k3s " + name, "servers " + String.join(", ", down) + " restart in one apply",
                    "Terraform updates the VMs in parallel and the provider restarts each one it updates (bpg/proxmox"
                            + " resource/vm/vm.go, vmUpdate, reboot_after_update): " + up + " of " + cluster.servers().size()
                            + " etcd members stay up, and etcd's quorum is " + quorum(cluster.servers().size()),
                    cluster.origin().appendProperty("servers"))
                    .warned("restarting " + down.size() + " of " + cluster.servers().size() + " K3s servers in one apply"
                                    + " loses etcd's quorum: the cluster's API is down until a majority is back",
                            "roll it, one server per apply, each once the one before is Ready again (kubectl get nodes): "
                                    + roll + "; then apply the rest"));
        });
        return warnings;
    }

    /** Which cluster a change is of, and where that cluster is in the edited site. */
    private record Scope(String subject, JsonPointer at) {
    }

    private static List<Change> compare(Scope scope, Site beforeSite, Kubernetes before, Site afterSite, Kubernetes after) {
        List<Change> changes = new ArrayList<>();
        version(scope, before.version(), after.version()).ifPresent(changes::add);
        changes.addAll(servers(scope, before.servers(), after.servers()));
        members(scope, "agents", before.agents(), after.agents(), changes);
        if (!before.apiVip().equals(after.apiVip())) {
            changes.add(Change.of(CLUSTER, scope.subject(), "api_vip " + text(before.apiVip()) + " -> "
                    + text(after.apiVip()), before.apiAddress().equals(after.apiAddress())
                            ? "kube-vip " + (after.apiVip().isPresent() ? "starts holding it" : "stops holding it")
                            : "the API moves to " + text(after.apiAddress()) + ": the API"
                                    + " certificate's names (tls-san), the agents' and joining servers' server URL, kube-vip"
                                    + " and every kubeconfig change",
                    scope.at().appendProperty("api_vip")));
        } else if (!before.apiAddress().equals(after.apiAddress())) {
            changes.add(Change.of(CLUSTER, scope.subject(), "API " + text(before.apiAddress()) + " -> "
                    + text(after.apiAddress()), "without api_vip the API is the first server's address: the API"
                    + " certificate's names (tls-san), the agents' server URL and every kubeconfig change",
                    scope.at().appendProperty("servers")));
        }
        if (!before.loadBalancer().equals(after.loadBalancer())) {
            changes.add(Change.of(IN_PLACE, scope.subject(), "load_balancer " + before.loadBalancer().map(l -> l.rangeGlobal())
                    .orElse("none") + " -> " + after.loadBalancer().map(l -> l.rangeGlobal()).orElse("none"),
                    (before.loadBalancer().isPresent() != after.loadBalancer().isPresent()
                            ? "the playbook restarts the servers with ServiceLB " + (after.loadBalancer().isPresent()
                                    ? "disabled and kube-vip announcing Services" : "enabled again") + "; "
                            : "") + "Services keep the addresses they hold; new ones get addresses from the new pool"
                            + (after.flux().isPresent() ? " (" + FLUX + ")" : ""),
                    scope.at().appendProperty("load_balancer")));
        }
        if (!before.tokenSecret().equals(after.tokenSecret())) {
            changes.add(Change.of(CLUSTER, scope.subject(), "token_secret " + before.tokenSecret() + " -> "
                    + after.tokenSecret(), "a running cluster keeps the token it was made with: the new secret must hold"
                    + " the same value", scope.at().appendProperty("token_secret")));
        }
        changes.addAll(labels(beforeSite, before, afterSite, after));
        storage(scope, before, after, changes);
        delivered(scope, before, after, changes);
        return changes;
    }

    private static String text(java.util.Optional<dev.sitec.model.Ipv4> address) {
        return address.map(Object::toString).orElse("none");
    }

    private static java.util.Optional<Change> version(Scope scope, String before, String after) {
        if (before.equals(after)) {
            return java.util.Optional.empty();
        }
        JsonPointer at = scope.at().appendProperty("version");
        Change change = Change.of(CLUSTER, scope.subject(), "version " + before + " -> " + after,
                "playbooks/k3s-upgrade.yml moves the servers, then the agents, one at a time", at);
        int[] old = parts(before);
        int[] now = parts(after);
        if (java.util.Arrays.compare(now, old) < 0) {
            return java.util.Optional.of(change.refused("K3s " + after + " is older than " + before
                    + ", which the cluster runs", "K3s cannot be downgraded (docs.k3s.io/upgrades); keep " + before
                    + ", or rebuild the cluster"));
        }
        if (now[0] != old[0] || now[1] > old[1] + 1) {
            String next = "v" + old[0] + "." + (old[1] + 1);
            return java.util.Optional.of(change.refused("K3s " + before + " -> " + after + " skips a minor version",
                    "K3s upgrades one minor version at a time (docs.k3s.io/upgrades, Kubernetes' version skew policy):"
                            + " upgrade to the latest " + next + ".x release, apply, then go on"));
        }
        return java.util.Optional.of(change);
    }

    private static int[] parts(String version) {
        Matcher m = VERSION.matcher(version);
        if (!m.matches()) {
            throw new IllegalArgumentException("the schema admits only K3s release tags: " + version);
        }
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                Integer.parseInt(m.group(4))};
    }

    /** etcd keeps working while a majority of the members it knows is up. */
    static int quorum(int servers) {
        return servers / 2 + 1;
    }

    private static List<Change> servers(Scope scope, List<String> before, List<String> after) {
        List<Change> changes = new ArrayList<>();
        members(scope, "servers", before, after, changes);
        if (changes.isEmpty()) {
            return changes;
        }
        List<String> kept = before.stream().filter(after::contains).toList();
        String quorum = "servers " + before.size() + " -> " + after.size() + ", etcd quorum " + quorum(before.size())
                + " -> " + quorum(after.size());
        Change summary = Change.of(CLUSTER, scope.subject(), quorum, "the playbook joins new servers; a removed one must"
                + " leave etcd first (kubectl delete node, then stop it)", scope.at().appendProperty("servers"));
        if (!before.isEmpty() && kept.size() < quorum(before.size())) {
            // A warning, not a refusal: a cluster rebuilt on new servers is meant to lose the old one.
            summary = summary.warned("removing " + (before.size() - kept.size()) + " of " + before.size()
                            + " K3s servers at once loses etcd's quorum: " + kept.size() + " of the " + before.size()
                            + " members it knows is not a majority",
                    "to keep the cluster, remove one server per generation: delete its node with kubectl, apply, then"
                            + " remove the next; to rebuild it on new servers, go on");
        }
        changes.add(summary);
        return changes;
    }

    private static void members(Scope scope, String key, List<String> before, List<String> after, List<Change> changes) {
        JsonPointer at = scope.at().appendProperty(key);
        String role = key.substring(0, key.length() - 1);
        after.stream().filter(n -> !before.contains(n)).forEach(n ->
                changes.add(Change.of(CLUSTER, scope.subject(), role + " " + n + " added", "the playbook joins it", at)));
        before.stream().filter(n -> !after.contains(n)).forEach(n ->
                changes.add(Change.of(CLUSTER, scope.subject(), role + " " + n + " removed",
                        "drain it and delete its node with kubectl first; sitec does not", at)));
    }

    private static List<Change> labels(Site beforeSite, Kubernetes beforeCluster, Site afterSite, Kubernetes afterCluster) {
        Map<String, K3sNode> before = byName(K3sNodes.of(beforeSite, beforeCluster));
        Map<String, K3sNode> after = byName(K3sNodes.of(afterSite, afterCluster));
        List<Change> changes = new ArrayList<>();
        after.forEach((name, now) -> {
            K3sNode old = before.get(name);
            if (old != null && !old.labels().equals(now.labels())) {
                changes.add(Change.of(HOST, "k3s node " + name, "labels " + Show.of(old.labels()) + " -> "
                        + Show.of(now.labels()), "node-label applies only at registration, so the k3s playbook labels it with"
                        + " kubectl label --overwrite, and removes a label sitec set that the site dropped (the keys it set are"
                        + " recorded in the node's sitec.dev/labels annotation; other labels stay)", afterCluster.origin()));
            }
            if (old != null && !old.taints().equals(now.taints())) {
                changes.add(Change.of(HOST, "k3s node " + name, "taints " + Show.of(old.taints()) + " -> "
                        + Show.of(now.taints()), "node-taint applies only at registration, so the k3s playbook taints it"
                        + " with kubectl taint --overwrite, and removes a taint sitec set that the site dropped (recorded in the"
                        + " node's sitec.dev/taints annotation; other taints stay)", afterCluster.origin()));
            }
        });
        return changes;
    }

    private static void storage(Scope scope, Kubernetes before, Kubernetes after, List<Change> changes) {
        JsonPointer at = scope.at().appendProperty("storage");
        if (before.longhorn().isPresent() && after.longhorn().isEmpty()) {
            changes.add(Change.of(ChangeKind.DESTROYS_DATA, scope.subject(), "longhorn removed", after.installsWithHelmController()
                    ? "the k3s play stops rather than uninstall Longhorn and its volumes, and says how to do it by hand"
                    : "Flux uninstalls Longhorn and its volumes with it", at));
        } else if (!before.longhorn().equals(after.longhorn())) {
            changes.add(Change.of(IN_PLACE, scope.subject(), "longhorn " + Show.of(before.longhorn()) + " -> "
                    + Show.of(after.longhorn()), FLUX, at));
        }
        if (!before.nfs().equals(after.nfs())) {
            changes.add(Change.of(IN_PLACE, scope.subject(), "nfs " + Show.of(before.nfs()) + " -> " + Show.of(after.nfs()), FLUX, at));
        }
    }

    private static void delivered(Scope scope, Kubernetes before, Kubernetes after, List<Change> changes) {
        if (!before.nvidiaDevicePlugin().equals(after.nvidiaDevicePlugin())) {
            changes.add(Change.of(IN_PLACE, scope.subject(), "nvidia device plugin " + Show.of(before.nvidiaDevicePlugin()) + " -> "
                    + Show.of(after.nvidiaDevicePlugin()), FLUX, scope.at().appendProperty("gpu")));
        }
        boolean handedOver = before.flux().filter(Kubernetes.Flux::bootstrap).isPresent()
                && after.flux().filter(f -> !f.bootstrap()).isPresent();
        if (handedOver) {
            // The running flux-system Kustomization syncs sitec's folder with prune: once flux-system.yaml
            // leaves it, Flux deletes its own source and sync, and with them what they applied.
            String folder = before.flux().orElseThrow().syncPath();
            changes.add(Change.of(ChangeKind.DESTROYS_DATA, scope.subject(), "flux bootstrap true -> false",
                    "pushing this tree takes flux-system.yaml out of " + folder + ", which the running flux-system"
                            + " Kustomization syncs with prune: Flux would delete its own source and sync and what they"
                            + " applied. First point that sync at your own tree's folder (kubectl -n flux-system patch"
                            + " kustomization flux-system --type merge -p '{\"spec\":{\"path\":\"./clusters/" + after.name()
                            + "\"}}', or flux bootstrap --path there), with flux/entries/" + after.name() + ".yaml in it;"
                            + " then push", scope.at().appendProperty("flux")));
        } else if (!before.flux().equals(after.flux())) {
            boolean ownersTree = after.flux().filter(f -> !f.bootstrap()).isPresent();
            boolean takesOver = before.flux().filter(f -> !f.bootstrap()).isPresent() && !ownersTree && after.flux().isPresent();
            changes.add(Change.of(IN_PLACE, scope.subject(), "flux " + Show.of(before.flux()) + " -> " + Show.of(after.flux()),
                    ownersTree ? "sitec bootstraps no Flux there: copy flux/entries/" + after.name() + ".yaml into your tree again"
                            : takesOver ? "the playbook bootstraps Flux with sitec's sync: the flux-system Kustomization then"
                                    + " syncs " + after.flux().orElseThrow().syncPath() + ", no longer the owner's tree"
                            : "the playbook bootstraps Flux again with these settings", scope.at().appendProperty("flux")));
        }
        Map<String, Kubernetes.App> oldApps = before.apps();
        Map<String, Kubernetes.App> newApps = after.apps();
        newApps.forEach((name, app) -> {
            Kubernetes.App old = oldApps.get(name);
            if (old == null) {
                changes.add(Change.of(ChangeKind.CREATE, "app " + name, "added", FLUX, app.origin()));
            } else if (!Show.of(old).equals(Show.of(app))) {
                changes.add(Change.of(IN_PLACE, "app " + name, HostChanges.compared(HostAttributes.APP, "app " + name, old, app,
                        app.origin()).stream().map(c -> c.detail().substring(0, c.detail().indexOf(' '))).distinct()
                        .collect(Collectors.joining(", ")) + " changed", FLUX, app.origin()));
            }
        });
        oldApps.keySet().stream().filter(n -> !newApps.containsKey(n)).forEach(n ->
                changes.add(Change.of(IN_PLACE, "app " + n, "removed", "Flux prunes it, and the volumes its claims made"
                        + " with a Delete reclaim policy", scope.at().appendProperty("apps"))));
    }

    private static Map<String, K3sNode> byName(List<K3sNode> nodes) {
        return nodes.stream().collect(Collectors.toMap(K3sNode::name, Function.identity()));
    }
}
