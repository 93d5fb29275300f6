package dev.sitec.change;

import static dev.sitec.change.ChangeKind.CLUSTER;
import static dev.sitec.change.ChangeKind.HOST;
import static dev.sitec.change.ChangeKind.IN_PLACE;

import com.fasterxml.jackson.core.JsonPointer;
import dev.sitec.family.terraform.TerraformRoots;
import dev.sitec.model.BackupServer;
import dev.sitec.model.Cluster;
import dev.sitec.model.Machine;
import dev.sitec.model.Network;
import dev.sitec.model.PveNode;
import dev.sitec.model.Site;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What an edit does to the hosts Ansible configures (PVE nodes, backup servers, Raspberry Pis), to
 * the networks they carry, and to what every host shares (the site's settings, images, installer).
 */
final class HostChanges {


    private HostChanges() {
    }

    static List<Change> compare(Site before, Site after) {
        List<Change> changes = new ArrayList<>();
        changes.addAll(each(HOST, "network", before.networks(), after.networks(), Network::origin, JsonPointer.compile("/networks"),
                "Ansible adds its bridge or VLAN to the nodes; Terraform its SDN vnet when it is tagged",
                "Ansible leaves the nodes' bridge as it is; Terraform removes its SDN vnet when it was tagged",
                (old, now) -> compared(HostAttributes.NETWORK, "network " + now.name(), old, now, now.origin())));
        List<Change> renames = clusterRenames(before, after);
        changes.addAll(renames);
        changes.addAll(each(HOST, "node", nodes(before), nodes(after), PveNode::origin, JsonPointer.compile("/proxmox/clusters"),
                "install it (its ISO and answer file are generated), then run the playbook to join it",
                "sitec does not take a node out of its cluster: move its guests, then run pvecm delnode",
                HostChanges::node).stream()
                // A renamed cluster's nodes are in the rename's line, not each in one of their own.
                .filter(c -> renames.isEmpty() || !c.detail().startsWith("cluster ")).toList());
        changes.addAll(each(HOST, "backup server", before.backupServers(), after.backupServers(), BackupServer::origin,
                JsonPointer.compile("/backup_servers"), "install it, then run the playbook; the clusters back up to it",
                "the clusters stop backing up to it; its backups stay on it", HostChanges::backupServer));
        changes.addAll(each(HOST, "machine", before.machines(), after.machines(), Machine::origin, JsonPointer.compile("/machines"),
                "flash and seed it (see the runbook), then run the playbook",
                "sitec stops managing it; a K3s node on it is removed from the cluster", HostChanges::machine));
        if (!before.datacenterManager().equals(after.datacenterManager())) {
            changes.add(Change.of(HOST, "datacenter manager", "remotes " + Show.of(before.datacenterManager()
                    .map(d -> d.remotes())) + " -> " + Show.of(after.datacenterManager().map(d -> d.remotes())),
                    "Ansible updates its remotes", JsonPointer.compile("/datacenter_manager")));
        }
        siteRenamed(before, after).ifPresent(changes::add);
        changes.addAll(compared(HostAttributes.SITE, "site", before.info(), after.info(), JsonPointer.compile("/site")));
        changes.addAll(compared(HostAttributes.INSTALLER, "installer", before.installer(), after.installer(),
                JsonPointer.compile("/installer")));
        changes.addAll(compared(HostAttributes.TERRAFORM, "terraform", before.terraform(), after.terraform(),
                JsonPointer.compile("/terraform")));
        // Images are downloads, not hosts: their changes are in-place.
        changes.addAll(each(IN_PLACE, "image", downloads(before, false), downloads(after, false), dev.sitec.model.Image::origin,
                JsonPointer.compile("/images"), "Terraform downloads it to the nodes that need it",
                "Terraform deletes its download; guests made from it keep their disks",
                (old, now) -> Show.of(old).equals(Show.of(now)) ? List.of() : List.of(Change.of(IN_PLACE, "image " + now.name(),
                        "changed", "Terraform downloads it again; running guests keep their disks", now.origin()))));
        // A template image is a VM already on the cluster: sitec neither makes nor removes it; what a
        // change does to its clones is each clone's own change (VmChanges: a new clone source replaces it).
        changes.addAll(each(IN_PLACE, "image", downloads(before, true), downloads(after, true), dev.sitec.model.Image::origin,
                JsonPointer.compile("/images"), "a template VM on the cluster: nothing is downloaded, VMs naming it are"
                        + " cloned from it", "the template VM stays on the cluster: sitec never removes it",
                (old, now) -> Show.of(old).equals(Show.of(now)) ? List.of() : List.of(Change.of(IN_PLACE, "image " + now.name(),
                        "changed", "the template VM itself is not touched; its clones' changes are listed with each VM",
                        now.origin()))));
        return changes;
    }

    /**
     * A cluster whose name changed and whose nodes did not: its Terraform root and its state file are
     * named by the cluster, so the new root would start with no state and Terraform would create every
     * guest again. The state must move first; PVE's own cluster name (corosync) is not changed.
     */
    private static List<Change> clusterRenames(Site before, Site after) {
        List<Change> changes = new ArrayList<>();
        for (Cluster renamed : after.clusters().values()) {
            if (before.clusters().containsKey(renamed.name())) {
                continue;
            }
            before.clusters().values().stream()
                    .filter(old -> !after.clusters().containsKey(old.name()) && old.nodes().keySet().equals(renamed.nodes().keySet()))
                    .findFirst().ifPresent(old -> {
                        String move = TerraformRoots.localState(after)
                                ? "mv " + TerraformRoots.statePath(before, old) + " " + TerraformRoots.statePath(after, renamed)
                                : "terraform -chdir=" + TerraformRoots.root(renamed) + " init -migrate-state";
                        changes.add(Change.of(CLUSTER, "cluster " + old.name(), "renamed " + renamed.name(),
                                "its Terraform root becomes " + TerraformRoots.root(renamed) + " and its state is found by the"
                                        + " new name: move the state before the next plan, or Terraform starts empty and"
                                        + " creates every guest again: " + move + "; PVE keeps the cluster's own name"
                                        + " (corosync): Ansible does not rename a formed cluster",
                                renamed.origin()).warned("cluster " + old.name() + " is renamed " + renamed.name()
                                + ": Terraform's state must move with it before the next plan",
                                "move it first: " + move));
                    });
        }
        return changes;
    }

    private static List<Change> node(PveNode old, PveNode now) {
        // A VFIO change reboots the node (role proxmox_node's handler).
        return compared(HostAttributes.NODE, "node " + now.name(), old, now, now.origin()).stream()
                .map(c -> c.detail().startsWith("devices ") ? c.rebooting() : c).toList();
    }

    private static List<Change> backupServer(BackupServer old, BackupServer now) {
        return compared(HostAttributes.BACKUP_SERVER, "backup server " + now.name(), old, now, now.origin());
    }

    private static List<Change> machine(Machine old, Machine now) {
        String subject = "machine " + now.name();
        List<Change> changes = new ArrayList<>(compared(HostAttributes.MACHINE, subject, old, now, now.origin()));
        if (!old.longhornDisk().equals(now.longhornDisk())) {
            String detail = "longhorn_disk " + Show.of(old.longhornDisk()) + " -> " + Show.of(now.longhornDisk());
            JsonPointer at = now.origin().appendProperty("longhorn_disk");
            changes.add(now.longhornDisk().isEmpty()
                    ? Change.of(ChangeKind.DESTROYS_DATA, subject, detail, "the Longhorn replicas on it are lost unless"
                            + " Longhorn moves them first: disable scheduling on that disk and evict it", at)
                    : Change.of(HOST, subject, detail, "Ansible formats and mounts the new disk", at));
        }
        return changes;
    }

    /** Each attribute of the table that changed, as it classes it. */
    static <T> List<Change> compared(List<Attribute<T>> attributes, String subject, T old, T now, JsonPointer origin) {
        List<Change> changes = new ArrayList<>();
        for (Attribute<T> attribute : attributes) {
            attribute.compare(subject, old, now, origin).ifPresent(changes::add);
        }
        return changes;
    }

    /**
     * The site's name names the folder of the Terraform tokens the proxmox play writes and the local
     * state files: renamed, Terraform would find neither.
     */
    private static java.util.Optional<Change> siteRenamed(Site before, Site after) {
        String old = before.info().name();
        String now = after.info().name();
        if (old.equals(now)) {
            return java.util.Optional.empty();
        }
        String moves = "mv ~/.config/sitec/" + old + " ~/.config/sitec/" + now
                + (TerraformRoots.localState(after) ? " and mv ${XDG_STATE_HOME:-$HOME/.local/state}/sitec/" + old
                + " ${XDG_STATE_HOME:-$HOME/.local/state}/sitec/" + now : "");
        return java.util.Optional.of(Change.of(HOST, "site", "name " + old + " -> " + now, "the site's name names the"
                + " folder of Terraform's API tokens and of its local state: " + moves, JsonPointer.compile("/site/name"))
                .warned("site " + old + " is renamed " + now + ": Terraform's tokens and state must move with it before the"
                        + " next plan", "move them first: " + moves));
    }

    private static SortedMap<String, PveNode> nodes(Site site) {
        SortedMap<String, PveNode> nodes = new java.util.TreeMap<>();
        site.pveNodes().forEach(n -> nodes.put(n.name(), n));
        return nodes;
    }

    /** Added, removed and changed entries of one named collection. */
    /** The site's images that are template VMs (true), or the ones downloaded (false). */
    private static Map<String, dev.sitec.model.Image> downloads(Site site, boolean templates) {
        Map<String, dev.sitec.model.Image> out = new java.util.TreeMap<>();
        site.images().forEach((name, image) -> {
            if (image.isTemplate() == templates) {
                out.put(name, image);
            }
        });
        return out;
    }

    static <T> List<Change> each(ChangeKind kind, String what, Map<String, T> before, Map<String, T> after,
                                 Function<T, JsonPointer> origin, JsonPointer collection, String added, String removed,
                                 BiFunction<T, T, List<Change>> changed) {
        List<Change> changes = new ArrayList<>();
        after.forEach((name, now) -> {
            T old = before.get(name);
            if (old == null) {
                changes.add(Change.of(kind, what + " " + name, "added", added, origin.apply(now)));
            } else {
                changes.addAll(changed.apply(old, now));
            }
        });
        before.keySet().stream().filter(name -> !after.containsKey(name)).forEach(name ->
                changes.add(Change.of(kind, what + " " + name, "removed", removed, collection)));
        return changes;
    }
}
