package dev.sitec.change;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitec.model.Container;
import dev.sitec.model.Vm;
import java.lang.reflect.RecordComponent;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A value added to a model record must be classified before plan can be trusted: this fails until
 * the new component is compared (an Attribute, with its key in site.yaml) or deliberately compared
 * apart; and every key an Attribute names must be a property of its record in the schema, so that a
 * change's key and JSON pointer are the file's (issue 27: a node's interface was reported as
 * interface_name, a key that does not exist).
 */
class ComparedComponentsTest {

    @Test
    void everyVmComponentIsClassified() {
        assertThat(classified(VmChanges.ATTRIBUTES, VmChanges.COMPARED_APART)).containsExactlyInAnyOrderElementsOf(components(Vm.class));
    }

    @Test
    void everyContainerComponentIsClassified() {
        assertThat(classified(ContainerChanges.ATTRIBUTES, ContainerChanges.COMPARED_APART))
                .containsExactlyInAnyOrderElementsOf(components(Container.class));
    }

    @Test
    void everyHostAndSiteComponentIsClassified() {
        assertThat(classified(HostAttributes.NODE, HostAttributes.NODE_APART)).containsExactlyInAnyOrderElementsOf(
                components(dev.sitec.model.PveNode.class));
        assertThat(classified(HostAttributes.BACKUP_SERVER, HostAttributes.BACKUP_SERVER_APART))
                .containsExactlyInAnyOrderElementsOf(components(dev.sitec.model.BackupServer.class));
        assertThat(classified(HostAttributes.MACHINE, HostAttributes.MACHINE_APART)).containsExactlyInAnyOrderElementsOf(
                components(dev.sitec.model.Machine.class));
        assertThat(classified(HostAttributes.NETWORK, HostAttributes.NETWORK_APART)).containsExactlyInAnyOrderElementsOf(
                components(dev.sitec.model.Network.class));
        assertThat(classified(HostAttributes.SITE, HostAttributes.SITE_APART)).containsExactlyInAnyOrderElementsOf(
                components(dev.sitec.model.SiteInfo.class));
        assertThat(classified(HostAttributes.INSTALLER, HostAttributes.INSTALLER_APART)).containsExactlyInAnyOrderElementsOf(
                components(dev.sitec.model.Installer.class));
        assertThat(classified(HostAttributes.TERRAFORM, HostAttributes.TERRAFORM_APART)).containsExactlyInAnyOrderElementsOf(
                components(dev.sitec.model.TerraformSettings.class));
        assertThat(classified(HostAttributes.APP, HostAttributes.APP_APART)).containsExactlyInAnyOrderElementsOf(
                components(dev.sitec.model.Kubernetes.App.class));
    }

    @Test
    void everyComparedKeyIsAPropertyOfItsRecordInTheSchema() throws Exception {
        com.fasterxml.jackson.databind.JsonNode schema = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(java.nio.file.Path.of("schema/site.schema.json").toFile());
        com.fasterxml.jackson.databind.JsonNode defs = schema.path("$defs");
        keysIn(defs.path("vm"), VmChanges.ATTRIBUTES);
        keysIn(defs.path("container"), ContainerChanges.ATTRIBUTES);
        keysIn(defs.path("pveNode"), HostAttributes.NODE);
        keysIn(defs.path("backupServer"), HostAttributes.BACKUP_SERVER);
        keysIn(defs.path("machine"), HostAttributes.MACHINE);
        keysIn(defs.path("network"), HostAttributes.NETWORK);
        keysIn(defs.path("app"), HostAttributes.APP);
        keysIn(schema.path("properties").path("site"), HostAttributes.SITE);
        keysIn(schema.path("properties").path("installer"), HostAttributes.INSTALLER);
        keysIn(schema.path("properties").path("terraform"), HostAttributes.TERRAFORM);
    }

    /**
     * The other direction (issue 27, item 2): a property added to the schema is compared by plan, as an
     * Attribute with its key, or is listed here with where plan compares it; else this fails.
     */
    @Test
    void everySchemaPropertyOfAGuestOrHostIsCompared() throws Exception {
        com.fasterxml.jackson.databind.JsonNode defs = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(java.nio.file.Path.of("schema/site.schema.json").toFile()).path("$defs");
        compared(defs.path("vm"), VmChanges.ATTRIBUTES, java.util.Map.ofEntries(
                java.util.Map.entry("profile", "resolved into the VM's own values, which are compared"),
                java.util.Map.entry("image", "VmChanges: the image, with what a change of it rebuilds"),
                java.util.Map.entry("linked", "VmChanges: the clone source, whose change replaces the VM"),
                java.util.Map.entry("lifecycle", "GuestLifecycle: cattle and pet"),
                java.util.Map.entry("allow_replace", "GuestLifecycle: what a pet allows"),
                java.util.Map.entry("existing", "GuestLifecycle: adoption"),
                java.util.Map.entry("disks", "VmChanges: disk by disk"),
                java.util.Map.entry("passthrough", "VmChanges: device by device"),
                java.util.Map.entry("address", "VmChanges: NIC by NIC"),
                java.util.Map.entry("macs", "VmChanges: NIC by NIC"),
                java.util.Map.entry("datastore", "VmChanges: disk by disk (each disk's datastore)"),
                java.util.Map.entry("labels", "KubernetesChanges: a K3s node's labels")));
        compared(defs.path("container"), ContainerChanges.ATTRIBUTES, java.util.Map.ofEntries(
                java.util.Map.entry("lifecycle", "GuestLifecycle: cattle and pet"),
                java.util.Map.entry("allow_replace", "GuestLifecycle: what a pet allows"),
                java.util.Map.entry("existing", "GuestLifecycle: adoption"),
                java.util.Map.entry("disk", "ContainerChanges: the root disk"),
                java.util.Map.entry("address", "ContainerChanges: NIC by NIC"),
                java.util.Map.entry("macs", "ContainerChanges: NIC by NIC"),
                java.util.Map.entry("features", "ContainerChanges: feature by feature"),
                java.util.Map.entry("mounts", "ContainerChanges: mount by mount"),
                java.util.Map.entry("devices", "ContainerChanges: device by device")));
        compared(defs.path("pveNode"), HostAttributes.NODE, java.util.Map.of());
        compared(defs.path("backupServer"), HostAttributes.BACKUP_SERVER, java.util.Map.of());
        compared(defs.path("machine"), HostAttributes.MACHINE, java.util.Map.of(
                "longhorn_disk", "KubernetesChanges: a K3s node's Longhorn disk",
                "labels", "KubernetesChanges: a K3s node's labels"));
        compared(defs.path("app"), HostAttributes.APP, java.util.Map.of());
    }

    private static <T> void compared(com.fasterxml.jackson.databind.JsonNode definition, List<Attribute<T>> attributes,
                                     java.util.Map<String, String> apart) {
        Set<String> keys = attributes.stream().map(Attribute::key).collect(Collectors.toSet());
        List<String> properties = new java.util.ArrayList<>();
        definition.path("properties").fieldNames().forEachRemaining(properties::add);
        assertThat(properties).isNotEmpty();
        assertThat(properties).as("schema properties plan compares neither as an Attribute nor apart")
                .allMatch(p -> keys.contains(p) || apart.containsKey(p));
        assertThat(apart.keySet()).as("keys listed as compared apart are properties of the schema").allMatch(properties::contains);
    }

    private static <T> void keysIn(com.fasterxml.jackson.databind.JsonNode definition, List<Attribute<T>> attributes) {
        assertThat(definition.path("properties").isObject()).as("a definition with properties").isTrue();
        for (Attribute<T> attribute : attributes) {
            if (attribute.inFile()) {
                assertThat(definition.path("properties").has(attribute.key()))
                        .as("key '%s' (component %s) is a property in the schema", attribute.key(), attribute.component()).isTrue();
            }
        }
    }

    /** Issue 27: changing a node's interface reported interface_name, at a pointer to a key that does not exist. */
    @Test
    void aNodesInterfaceChangeIsReportedAtItsRealKey() {
        dev.sitec.BrokenSite before = dev.sitec.BrokenSite.reference();
        Change change = SiteComparison.compare(ChangeClassificationTest.site(before), ChangeClassificationTest.site(
                before.replace("address: 10.10.10.11            # on the mgmt network\n          interface: enp1s0",
                        "address: 10.10.10.11            # on the mgmt network\n          interface: enp2s0")))
                .changes().get(0);
        assertThat(change.detail()).isEqualTo("interface enp1s0 -> enp2s0");
        assertThat(change.at()).hasToString("/proxmox/clusters/pve/nodes/pve1/interface");
    }

    /** Issue 26, item 2: a VM's tags are compared, and reported at the VM's tags key. */
    @Test
    void aVmsTagChangeIsReportedAtItsRealKey() {
        dev.sitec.BrokenSite before = dev.sitec.BrokenSite.realLabs();
        Change change = SiteComparison.compare(ChangeClassificationTest.site(before), ChangeClassificationTest.site(
                before.replace("tags: [gaming]", "tags: [gaming, steam]"))).changes().get(0);
        assertThat(change.kind()).isEqualTo(ChangeKind.IN_PLACE);
        assertThat(change.detail()).isEqualTo("tags [gaming] -> [gaming, steam]");
        assertThat(change.at()).hasToString("/vms/desktop/tags");
    }

    private static <T> Set<String> classified(List<Attribute<T>> attributes, Set<String> apart) {
        Set<String> names = new HashSet<>(apart);
        attributes.forEach(a -> names.add(a.component()));
        return names;
    }

    private static Set<String> components(Class<? extends Record> type) {
        return Stream.of(type.getRecordComponents()).map(RecordComponent::getName).collect(Collectors.toSet());
    }
}
