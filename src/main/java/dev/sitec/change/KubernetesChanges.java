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
        if (beforeSite.kubernetes().isEmpty() && afterSite.kubernetes().isEmpty()) {
            return List.of();
        }
        if (beforeSite.kubernetes().isEmpty()) {
            return List.of(Change.of(CLUSTER, "k3s", "created", "the playbook installs it; Flux then delivers the apps",
                    KUBERNETES));
        }
        if (afterSite.kubernetes().isEmpty()) {
            return List.of(Change.of(CLUSTER, "k3s", "removed from the site", "sitec stops managing it; nothing"
                    + " uninstalls K3s from its nodes", JsonPointer.empty()));
        }
        Kubernetes before = beforeSite.kubernetes().get();
        Kubernetes after = afterSite.kubernetes().get();
        List<Change> changes = new ArrayList<>();
        version(before.version(), after.version()).ifPresent(changes::add);
        changes.addAll(servers(before.servers(), after.servers()));
        members("agents", before.agents(), after.agents(), changes);
        if (!before.apiVip().equals(after.apiVip())) {
            changes.add(Change.of(CLUSTER, "k3s", "api_vip " + before.apiVip() + " -> " + after.apiVip(),
                    "the API certificate's names (tls-san), kube-vip and every kubeconfig change", KUBERNETES.appendProperty("api_vip")));
        }
        changes.addAll(labels(beforeSite, afterSite));
        storage(before, after, changes);
        delivered(before, after, changes);
        return changes;
    }

    private static java.util.Optional<Change> version(String before, String after) {
        if (before.equals(after)) {
            return java.util.Optional.empty();
        }
        JsonPointer at = KUBERNETES.appendProperty("version");
        Change change = Change.of(CLUSTER, "k3s", "version " + before + " -> " + after,
                "playbooks/k3s-upgrade.yml moves the servers, then the agents, one at a time", at);
        int[] old = parts(before);
        int[] now = parts(after);
        if (compare(now, old) < 0) {
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

    private static int compare(int[] a, int[] b) {
        return java.util.Arrays.compare(a, b);
    }

    /** etcd keeps working while a majority of the members it knows is up. */
    static int quorum(int servers) {
        return servers / 2 + 1;
    }

    private static List<Change> servers(List<String> before, List<String> after) {
        List<Change> changes = new ArrayList<>();
        members("servers", before, after, changes);
        if (changes.isEmpty()) {
            return changes;
        }
        List<String> kept = before.stream().filter(after::contains).toList();
        String quorum = "servers " + before.size() + " -> " + after.size() + ", etcd quorum " + quorum(before.size())
                + " -> " + quorum(after.size());
        Change summary = Change.of(CLUSTER, "k3s", quorum, "the playbook joins new servers; a removed one must"
                + " leave etcd first (kubectl delete node, then stop it)", KUBERNETES.appendProperty("servers"));
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

    private static void members(String key, List<String> before, List<String> after, List<Change> changes) {
        JsonPointer at = KUBERNETES.appendProperty(key);
        String role = key.substring(0, key.length() - 1);
        after.stream().filter(n -> !before.contains(n)).forEach(n ->
                changes.add(Change.of(CLUSTER, "k3s", role + " " + n + " added", "the playbook joins it", at)));
        before.stream().filter(n -> !after.contains(n)).forEach(n ->
                changes.add(Change.of(CLUSTER, "k3s", role + " " + n + " removed",
                        "drain it and delete its node with kubectl first; sitec does not", at)));
    }

    private static List<Change> labels(Site beforeSite, Site afterSite) {
        Map<String, K3sNode> before = byName(K3sNodes.of(beforeSite));
        Map<String, K3sNode> after = byName(K3sNodes.of(afterSite));
        List<Change> changes = new ArrayList<>();
        after.forEach((name, now) -> {
            K3sNode old = before.get(name);
            if (old != null && !old.labels().equals(now.labels())) {
                changes.add(Change.of(HOST, "k3s node " + name, "labels " + Show.of(old.labels()) + " -> "
                        + Show.of(now.labels()), "node-label applies only at registration, so Ansible labels it with kubectl"
                        + " label --overwrite; a label dropped from the site stays on the node (kubectl label node "
                        + name + " KEY-)", KUBERNETES));
            }
            if (old != null && !old.taints().equals(now.taints())) {
                changes.add(Change.of(HOST, "k3s node " + name, "taints " + Show.of(old.taints()) + " -> "
                        + Show.of(now.taints()), "node-taint applies only at registration, and the playbook does not"
                        + " change a registered node's taints: kubectl taint node " + name + " KEY=VALUE:NoSchedule"
                        + " (or KEY:NoSchedule- to remove one)", KUBERNETES));
            }
        });
        return changes;
    }

    private static void storage(Kubernetes before, Kubernetes after, List<Change> changes) {
        JsonPointer at = KUBERNETES.appendProperty("storage");
        if (before.longhorn().isPresent() && after.longhorn().isEmpty()) {
            changes.add(Change.of(ChangeKind.DESTROYS_DATA, "k3s", "longhorn removed", "Flux uninstalls Longhorn and its"
                    + " volumes with it", at));
        } else if (!before.longhorn().equals(after.longhorn())) {
            changes.add(Change.of(IN_PLACE, "k3s", "longhorn " + Show.of(before.longhorn()) + " -> "
                    + Show.of(after.longhorn()), FLUX, at));
        }
        if (!before.nfs().equals(after.nfs())) {
            changes.add(Change.of(IN_PLACE, "k3s", "nfs " + Show.of(before.nfs()) + " -> " + Show.of(after.nfs()), FLUX, at));
        }
    }

    private static void delivered(Kubernetes before, Kubernetes after, List<Change> changes) {
        if (!before.nvidiaDevicePlugin().equals(after.nvidiaDevicePlugin())) {
            changes.add(Change.of(IN_PLACE, "k3s", "nvidia device plugin " + Show.of(before.nvidiaDevicePlugin()) + " -> "
                    + Show.of(after.nvidiaDevicePlugin()), FLUX, KUBERNETES.appendProperty("gpu")));
        }
        if (!before.flux().equals(after.flux())) {
            changes.add(Change.of(IN_PLACE, "k3s", "flux " + Show.of(before.flux()) + " -> " + Show.of(after.flux()),
                    "the playbook bootstraps Flux again with these settings", KUBERNETES.appendProperty("flux")));
        }
        Map<String, Kubernetes.App> oldApps = before.apps();
        Map<String, Kubernetes.App> newApps = after.apps();
        newApps.forEach((name, app) -> {
            Kubernetes.App old = oldApps.get(name);
            if (old == null) {
                changes.add(Change.of(ChangeKind.CREATE, "app " + name, "added", FLUX, app.origin()));
            } else if (!Show.of(old).equals(Show.of(app))) {
                changes.add(Change.of(IN_PLACE, "app " + name, Components.diff(old, app).stream()
                        .map(Components.Difference::key).collect(Collectors.joining(", ")) + " changed", FLUX, app.origin()));
            }
        });
        oldApps.keySet().stream().filter(n -> !newApps.containsKey(n)).forEach(n ->
                changes.add(Change.of(IN_PLACE, "app " + n, "removed", "Flux prunes it, and the volumes its claims made"
                        + " with a Delete reclaim policy", KUBERNETES.appendProperty("apps"))));
    }

    private static Map<String, K3sNode> byName(List<K3sNode> nodes) {
        return nodes.stream().collect(Collectors.toMap(K3sNode::name, Function.identity()));
    }
}
