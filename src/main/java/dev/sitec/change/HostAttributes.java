package dev.sitec.change;

import static dev.sitec.change.ChangeKind.HOST;

import dev.sitec.model.BackupServer;
import dev.sitec.model.Installer;
import dev.sitec.model.Kubernetes;
import dev.sitec.model.Machine;
import dev.sitec.model.Network;
import dev.sitec.model.PveNode;
import dev.sitec.model.SiteInfo;
import dev.sitec.model.TerraformSettings;
import java.util.List;
import java.util.Set;

/**
 * What plan compares of the hosts and site-wide settings, record by record, each with its key in
 * site.yaml and what a change of it does. A component that is not here is in the record's apart set
 * and compared elsewhere; ComparedComponentsTest fails when a component is in neither, and when a
 * key is not a property of its record in the schema.
 */
final class HostAttributes {

    static final String REINSTALL = "the answer file changes: it takes effect when the host is installed again";
    private static final String ANSIBLE_NODES = "Ansible reconfigures the nodes' bridges and Terraform the vnet; guests'"
            + " NICs follow in place";
    private static final String ANSIBLE_HOSTS = "Ansible reconfigures every host it manages; running guests keep what"
            + " cloud-init gave them at first boot";
    private static final String STORAGE = "Ansible checks that the storage is active; guests' disks stay where they are";
    private static final String NEXT_INSTALL = "takes effect at the next install";
    private static final String FLASH = "flash it again: its boot medium changes";
    private static final String PI = "Ansible reconfigures it";
    private static final String PBS = "Ansible and Terraform apply it in place";
    private static final String MIGRATE_STATE = "run terraform init -migrate-state in each cluster root";

    static final List<Attribute<PveNode>> NODE = List.of(
            Attribute.derived("cluster", "cluster", PveNode::cluster, HOST, "a joined node's cluster is in corosync.conf:"
                    + " Ansible does not move it; take it out of the old cluster (pvecm delnode) and install it again"),
            new Attribute<>("mac", "mac", n -> Show.of(n.mac()), HOST, REINSTALL),
            new Attribute<>("address", "address", n -> n.address().toString(), HOST, "a joined node's address is in"
                    + " corosync.conf, which Ansible does not rewrite: re-address it by hand or install it again"),
            new Attribute<>("interfaceName", "interface", n -> Show.of(n.interfaceName()), HOST, REINSTALL),
            new Attribute<>("bootDisks", "boot_disks", n -> Show.of(n.bootDisks()), HOST, REINSTALL),
            new Attribute<>("datastore", "datastore", n -> Show.of(n.datastore()), HOST, STORAGE),
            new Attribute<>("snippetsDatastore", "snippets_datastore", PveNode::snippetsDatastore, HOST, STORAGE),
            new Attribute<>("devices", "devices", n -> Show.of(n.devices()), HOST, "Ansible updates the resource mappings"
                    + " and VFIO, and reboots the node when VFIO changes (role proxmox_node)"),
            new Attribute<>("subscription", "subscription", n -> String.valueOf(n.subscription()), HOST, "Ansible sets its"
                    + " repositories: the enterprise ones with a subscription, the no-subscription one without (role"
                    + " proxmox_repositories)"));
    static final Set<String> NODE_APART = Set.of("name", "origin");

    static final List<Attribute<BackupServer>> BACKUP_SERVER = List.of(
            new Attribute<>("mac", "mac", b -> Show.of(b.mac()), HOST, REINSTALL),
            new Attribute<>("address", "address", b -> b.address().toString(), HOST, PBS),
            new Attribute<>("interfaceName", "interface", b -> Show.of(b.interfaceName()), HOST, REINSTALL),
            new Attribute<>("bootDisks", "boot_disks", b -> Show.of(b.bootDisks()), HOST, REINSTALL),
            new Attribute<>("datastores", "datastores", b -> Show.of(b.datastores()), HOST, "Ansible makes a datastore's"
                    + " pool only where none exists: an existing pool keeps its disks, and a dropped datastore its backups"),
            new Attribute<>("retention", "retention", b -> Show.of(b.retention()), HOST, PBS),
            new Attribute<>("backupSchedule", "backup_schedule", BackupServer::backupSchedule, HOST, PBS),
            new Attribute<>("protect", "protect", b -> Show.of(b.protect()), HOST, PBS),
            new Attribute<>("clusters", "clusters", b -> Show.of(b.clusters()), HOST, PBS));
    static final Set<String> BACKUP_SERVER_APART = Set.of("name", "origin");

    /** labels are reported with the K3s node (with the labels sitec derives); longhornDisk has a rule of its own. */
    static final List<Attribute<Machine>> MACHINE = List.of(
            new Attribute<>("board", "board", m -> Show.of(m.board()), HOST, FLASH),
            new Attribute<>("image", "image", Machine::image, HOST, FLASH),
            new Attribute<>("bootMedium", "boot_medium", m -> Show.of(m.bootMedium()), HOST, FLASH),
            new Attribute<>("mac", "mac", m -> Show.of(m.mac()), HOST, PI),
            new Attribute<>("nics", "address", m -> Show.of(m.nics()), HOST, PI),
            new Attribute<>("roles", "roles", m -> Show.of(m.roles()), HOST, PI));
    static final Set<String> MACHINE_APART = Set.of("name", "origin", "labels", "longhornDisk");

    static final List<Attribute<Network>> NETWORK = List.of(
            new Attribute<>("vlan", "vlan", n -> Show.of(n.vlan()), HOST, ANSIBLE_NODES),
            new Attribute<>("bridge", "bridge", Network::bridge, HOST, ANSIBLE_NODES),
            new Attribute<>("cidr", "cidr", n -> Show.of(n.cidr()), HOST, ANSIBLE_NODES),
            new Attribute<>("gateway", "gateway", n -> Show.of(n.gateway()), HOST, ANSIBLE_NODES),
            new Attribute<>("dns", "dns", n -> Show.of(n.dns()), HOST, ANSIBLE_NODES),
            new Attribute<>("mtu", "mtu", n -> String.valueOf(n.mtu()), HOST, ANSIBLE_NODES));
    static final Set<String> NETWORK_APART = Set.of("name", "origin");

    /** name is compared with its own rule: it names the state files and the tokens' folder. */
    static final List<Attribute<SiteInfo>> SITE = List.of(
            new Attribute<>("domain", "domain", SiteInfo::domain, HOST, ANSIBLE_HOSTS),
            new Attribute<>("timezone", "timezone", SiteInfo::timezone, HOST, ANSIBLE_HOSTS),
            new Attribute<>("country", "country", SiteInfo::country, HOST, ANSIBLE_HOSTS),
            new Attribute<>("keyboard", "keyboard", SiteInfo::keyboard, HOST, ANSIBLE_HOSTS),
            new Attribute<>("adminEmail", "admin_email", SiteInfo::adminEmail, HOST, ANSIBLE_HOSTS),
            new Attribute<>("sshAuthorizedKeys", "ssh_authorized_keys", s -> Show.of(s.sshAuthorizedKeys()), HOST, ANSIBLE_HOSTS),
            new Attribute<>("passwordHash", "password_hash", SiteInfo::passwordHash, HOST, ANSIBLE_HOSTS),
            new Attribute<>("adminUser", "admin_user", SiteInfo::adminUser, HOST, ANSIBLE_HOSTS));
    static final Set<String> SITE_APART = Set.of("name");

    static final List<Attribute<Installer>> INSTALLER = List.of(
            new Attribute<>("fetch", "fetch", i -> Show.of(i.fetch()), HOST, NEXT_INSTALL),
            new Attribute<>("answerUrl", "answer_url", i -> Show.of(i.answerUrl()), HOST, NEXT_INSTALL),
            new Attribute<>("pveIso", "pve_iso", i -> Show.of(i.pveIso()), HOST, NEXT_INSTALL),
            new Attribute<>("pbsIso", "pbs_iso", i -> Show.of(i.pbsIso()), HOST, NEXT_INSTALL));
    static final Set<String> INSTALLER_APART = Set.of();

    static final List<Attribute<TerraformSettings>> TERRAFORM = List.of(
            new Attribute<>("pg", "backend", t -> Show.of(t.pg()), HOST, MIGRATE_STATE),
            new Attribute<>("s3", "backend", t -> Show.of(t.s3()), HOST, MIGRATE_STATE));
    static final Set<String> TERRAFORM_APART = Set.of();

    static final List<Attribute<Kubernetes.App>> APP = List.of(
            new Attribute<>("chartRepository", "chart", Kubernetes.App::chartRepository, ChangeKind.IN_PLACE, null),
            new Attribute<>("chartName", "chart", Kubernetes.App::chartName, ChangeKind.IN_PLACE, null),
            new Attribute<>("chartVersion", "chart", Kubernetes.App::chartVersion, ChangeKind.IN_PLACE, null),
            new Attribute<>("namespace", "namespace", Kubernetes.App::namespace, ChangeKind.IN_PLACE, null),
            new Attribute<>("values", "values", a -> Show.of(a.values()), ChangeKind.IN_PLACE, null),
            new Attribute<>("nodeSelector", "node_selector", a -> Show.of(a.nodeSelector()), ChangeKind.IN_PLACE, null));
    static final Set<String> APP_APART = Set.of("name", "origin");

    private HostAttributes() {
    }
}
