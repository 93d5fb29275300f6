package dev.sitec.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sitec.Compilation;
import dev.sitec.SiteCompiler;
import dev.sitec.render.RenderedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What sitec plan says replaces a guest, checked against Terraform and the real bpg/proxmox provider
 * (built by scripts/install-consumers): the generated vm and container modules, a state holding the
 * guest as it was, and {@code terraform plan -refresh=false}, which runs the provider's diff and
 * CustomizeDiff without a Proxmox VE to talk to. A replacement shows as delete+create with the
 * attribute that forces it; everything else plan calls in-place or reboot must be an update.
 */
class ProviderPlanTest {

    private static final Path PROJECT = Path.of("").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VM = "module.guest.proxmox_virtual_environment_vm.cattle[0]";
    private static final String PET_VM = "module.guest.proxmox_virtual_environment_vm.pet[0]";
    private static final String CONTAINER = "module.guest.proxmox_virtual_environment_container.cattle[0]";

    private static Path root;
    private static Consumers consumers;

    /** What one plan does to the guest: its actions and the attributes that force a replacement. */
    record Planned(List<String> actions, List<String> replacedBy, String output) {
    }

    @BeforeAll
    static void modules() throws IOException {
        consumers = Consumers.of(PROJECT);
        assumeTrue(System.getenv("CI") != null || consumers.missingTerraform() == null,
                "scripts/install-consumers has not run");
        Compilation reference = new SiteCompiler().compile(PROJECT.resolve("site.yaml"), "site.yaml");
        root = Files.createTempDirectory("sitec-provider-plan-");
        for (RenderedFile file : reference.files()) {
            // One root per module: terraform init installs a module source once.
            for (String kind : List.of("vm", "container")) {
                if (file.path().startsWith("terraform/modules/" + kind + "/")) {
                    Path target = root.resolve(kind).resolve(file.path().substring("terraform/".length()));
                    Files.createDirectories(target.getParent());
                    Files.write(target, file.content());
                }
            }
        }
    }

    @AfterAll
    static void clean() {
        if (root != null) {
            TreeFiles.deleteRecursively(root);
        }
    }

    // --- VMs (proxmoxtf/resource/vm/vm.go) ---

    @Test
    void aVmOnItsNodeWithItsIdIsUpdatedInPlace() throws Exception {
        Planned plan = planVm(vm -> vm.put("cores", 8).put("memory_mib", 8192), vmState("pve1", 123, 32, "local-lvm"));
        assertThat(plan.actions()).as(plan.output()).containsExactly("update");
    }

    @Test
    void anotherNodeReplacesAVm() throws Exception {
        Planned plan = planVm(vm -> vm.put("node_name", "pve2"), vmState("pve1", 123, 32, "local-lvm"));
        assertThat(plan.actions()).as(plan.output()).containsExactly("delete", "create");
        assertThat(plan.replacedBy()).containsExactly("node_name");
    }

    @Test
    void anotherVmIdReplacesAVm() throws Exception {
        Planned plan = planVm(vm -> vm.put("vm_id", 124), vmState("pve1", 123, 32, "local-lvm"));
        assertThat(plan.actions()).as(plan.output()).containsExactly("delete", "create");
        assertThat(plan.replacedBy()).containsExactly("vm_id");
    }

    @Test
    void aDiskGrownMovedOrShrunkIsAnUpdateAtPlanTime() throws Exception {
        // Grown: the resize API; moved: the move-disk API. Shrunk is an update too: the provider refuses
        // it only when it applies ("Cannot shrink ... it is not supported!"), which plan calls out.
        for (Consumer<ObjectNode> edit : List.<Consumer<ObjectNode>>of(
                vm -> disk(vm, 64, "local-lvm"), vm -> disk(vm, 32, "local-zfs"), vm -> disk(vm, 16, "local-lvm"))) {
            Planned plan = planVm(edit, vmState("pve1", 123, 32, "local-lvm"));
            assertThat(plan.actions()).as(plan.output()).containsExactly("update");
        }
    }

    @Test
    void aPetThatWouldBeReplacedStopsTerraformItself() throws Exception {
        Planned plan = plan(vmArguments(vm -> vm.put("pet", true).put("vm_id", 124)),
                state("proxmox_virtual_environment_vm", "pet", vmAttributes("pve1", 123, 32, "local-lvm")), PET_VM);
        assertThat(plan.output()).contains("Instance cannot be destroyed");
    }

    /**
     * Issue 25, item 10: a pet moves to another node by migration. The pet's resource sets migrate, so
     * node_name is not ForceNew (bpg vm.go CustomizeDiff: ForceNewIfChange unless migrate): an update.
     */
    @Test
    void aPetMovedToAnotherNodeIsMigratedNotReplaced() throws Exception {
        Planned plan = plan(vmArguments(vm -> vm.put("pet", true).put("node_name", "pve2")),
                state("proxmox_virtual_environment_vm", "pet", vmAttributes("pve1", 123, 32, "local-lvm")), PET_VM);
        assertThat(plan.actions()).as(plan.output()).containsExactly("update");
        Planned cattle = planVm(vm -> vm.put("node_name", "pve2"), vmState("pve1", 123, 32, "local-lvm"));
        assertThat(cattle.actions()).as(cattle.output()).containsExactly("delete", "create");
    }

    /**
     * Issue 26, item 2: the site's tags on a VM, beside sitec's own, change it in place (plan calls it
     * in-place: tags are neither ForceNew nor among vmUpdate's rebootRequired settings).
     */
    @Test
    void aVmsNewTagIsAnUpdate() throws Exception {
        ObjectNode state = vmState("pve1", 123, 32, "local-lvm");
        ((ObjectNode) state.path("resources").get(0).path("instances").get(0).path("attributes"))
                .putArray("tags").add("cattle").add("sitec");
        Planned plan = planVm(vm -> vm.putArray("tags").add("sitec").add("web").add("cattle"), state);
        assertThat(plan.actions()).as(plan.output()).containsExactly("update");
        assertThat(plan.replacedBy()).isEmpty();
        assertThat(plan.output()).contains("+ \"web\"");
    }

    // --- containers (proxmoxtf/resource/container/container.go) ---

    @Test
    void aContainerWithMoreMemoryAndALargerDiskIsUpdatedInPlace() throws Exception {
        Planned plan = planContainer(ct -> ct.put("memory_mib", 1024).put("cores", 2).put("disk_gib", 16),
                containerState(8, "local-lvm", "local:vztmpl/debian-12.tar.zst", true));
        assertThat(plan.actions()).as(plan.output()).containsExactly("update");
    }

    /** Found by this test: an empty server list (a container on DHCP) failed the plan (MinItems 1). */
    @Test
    void aContainerOnDhcpPlansWithoutDnsServers() throws Exception {
        Planned plan = planContainer(ct -> ct.putArray("dns_servers"),
                containerState(8, "local-lvm", "local:vztmpl/debian-12.tar.zst", true));
        assertThat(plan.actions()).as(plan.output()).containsExactly("update");
    }

    @Test
    void aNewTemplateLeavesTheRunningContainerAlone() throws Exception {
        // The module ignores template_file_id: the provider never reads it back (containerRead keeps the
        // state's), so an adopted container, imported with none, would otherwise be replaced.
        Planned plan = planContainer(ct -> ct.put("template_file_id", "local:vztmpl/debian-13.tar.zst"),
                containerState(8, "local-lvm", "local:vztmpl/debian-12.tar.zst", true));
        assertThat(plan.actions()).as(plan.output()).doesNotContain("delete");
        assertThat(plan.replacedBy()).isEmpty();
    }

    @Test
    void anAdoptedContainerAsImportLeavesItIsNotReplaced() throws Exception {
        // After terraform import, the state has no template_file_id and no pool_id (containerRead reads
        // neither) and the OS type PVE has; the module sets no pool for an existing container.
        ObjectNode adopted = containerState(8, "local-lvm", "", true);
        ObjectNode attributes = (ObjectNode) adopted.path("resources").get(0).path("instances").get(0).path("attributes");
        attributes.put("pool_id", "");
        ((ObjectNode) attributes.path("operating_system").get(0)).putNull("template_file_id").put("type", "debian");
        Planned plan = planContainer(ct -> ct.putNull("pool_id"), adopted);
        assertThat(plan.actions()).as(plan.output()).doesNotContain("delete");
        // And why the pool stays unset: a pool would replace it.
        Planned pooled = planContainer(ct -> { }, adopted);
        assertThat(pooled.actions()).as(pooled.output()).containsExactly("delete", "create");
        assertThat(pooled.replacedBy()).containsExactly("pool_id");
    }

    /**
     * A container is created with its template's distribution as its OS type, never the provider's
     * default "unmanaged" (bpg/proxmox v0.111.1 resource/container/container.go), with which PVE writes no
     * network, hostname, DNS or SSH keys into it (pve-container src/PVE/LXC/Setup/Unmanaged.pm). PVE keeps
     * the type it detects in the template (Setup.pm new), so a container PVE calls ubuntu while the site's
     * template says debian is left alone: the type is read at create only, as the template is.
     */
    @Test
    void aContainerIsCreatedWithItsDistributionAndKeepsWhatPveDetected() throws Exception {
        ObjectNode none = JSON.createObjectNode().put("version", 4).put("serial", 1)
                .put("lineage", "00000000-0000-0000-0000-000000000001");
        none.putArray("resources");
        Planned created = planContainer(ct -> { }, none);
        assertThat(created.actions()).as(created.output()).containsExactly("create");
        assertThat(created.output()).containsPattern("\\+ type +\\= \"debian\"");
        ObjectNode detected = containerState(8, "local-lvm", "local:vztmpl/debian-12.tar.zst", true);
        ((ObjectNode) detected.path("resources").get(0).path("instances").get(0).path("attributes").path("operating_system").get(0))
                .put("type", "ubuntu");
        Planned plan = planContainer(ct -> { }, detected);
        assertThat(plan.actions()).as(plan.output()).doesNotContain("delete", "create");
    }

    @Test
    void aContainersNewTagIsAnUpdate() throws Exception {
        ObjectNode state = containerState(8, "local-lvm", "local:vztmpl/debian-12.tar.zst", true);
        ((ObjectNode) state.path("resources").get(0).path("instances").get(0).path("attributes"))
                .putArray("tags").add("cattle").add("lxc").add("sitec");
        Planned plan = planContainer(ct -> ct.putArray("tags").add("sitec").add("media").add("lxc").add("cattle"), state);
        assertThat(plan.actions()).as(plan.output()).containsExactly("update");
        assertThat(plan.replacedBy()).isEmpty();
        assertThat(plan.output()).contains("+ \"media\"");
    }

    @Test
    void aPrivilegedContainerIsANewContainer() throws Exception {
        Planned plan = planContainer(ct -> ct.put("unprivileged", false),
                containerState(8, "local-lvm", "local:vztmpl/debian-12.tar.zst", true));
        assertThat(plan.actions()).as(plan.output()).containsExactly("delete", "create");
        assertThat(plan.replacedBy()).containsExactly("unprivileged");
    }

    @Test
    void anotherDatastoreReplacesAContainer() throws Exception {
        Planned moved = planContainer(ct -> ct.put("datastore_id", "local-zfs"),
                containerState(8, "local-lvm", "local:vztmpl/debian-12.tar.zst", true));
        assertThat(moved.actions()).as(moved.output()).containsExactly("delete", "create");
        assertThat(moved.replacedBy()).containsExactly("disk.0.datastore_id");
    }

    /**
     * Found by this test, against the reading of container.go: its CustomizeDiff marks the disk block
     * ForceNew when it shrinks, but that does not reach disk.0.size, so the plan is an update, which
     * containerUpdate then refuses ("new disk size ... has to be greater than the current disk").
     */
    @Test
    void aSmallerRootDiskIsAnUpdateThatApplyRefuses() throws Exception {
        Planned shrunk = planContainer(ct -> ct.put("disk_gib", 4),
                containerState(8, "local-lvm", "local:vztmpl/debian-12.tar.zst", true));
        assertThat(shrunk.actions()).as(shrunk.output()).containsExactly("update");
    }

    // --- the root, the state and the plan ---

    private static Planned planVm(Consumer<ObjectNode> edit, ObjectNode state) throws Exception {
        return plan(vmArguments(edit), state, VM);
    }

    private static Planned planContainer(Consumer<ObjectNode> edit, ObjectNode state) throws Exception {
        return plan(containerArguments(edit), state, CONTAINER);
    }

    private static ObjectNode vmArguments(Consumer<ObjectNode> edit) {
        ObjectNode vm = JSON.createObjectNode();
        vm.put("source", "./modules/vm").put("name", "web").put("node_name", "pve1").put("vm_id", 123)
                .put("description", "Managed by sitec").put("on_boot", true).put("pet", false).put("bios", "seabios")
                .put("cores", 2).put("cpu_type", "x86-64-v2-AES").put("memory_mib", 2048).put("balloon_mib", 0)
                .put("os_type", "l26").put("secure_boot", false).put("tpm", false).put("datastore_id", "local-lvm")
                .put("agent", true);
        vm.putArray("tags");
        vm.putArray("nics");
        vm.putArray("pci");
        vm.putNull("pool_id");
        vm.putNull("machine");
        vm.putNull("iso_file_id");
        vm.putNull("cloud_init");
        vm.putNull("startup");
        disk(vm, 32, "local-lvm");
        edit.accept(vm);
        return vm;
    }

    private static void disk(ObjectNode vm, int sizeGib, String datastore) {
        ObjectNode disk = vm.putArray("disks").addObject();
        disk.put("interface", "scsi0").put("size_gib", sizeGib).put("datastore_id", datastore).putNull("import_from");
    }

    private static ObjectNode containerArguments(Consumer<ObjectNode> edit) {
        ObjectNode ct = JSON.createObjectNode();
        ct.put("source", "./modules/container").put("name", "pihole").put("domain", "home.arpa").put("node_name", "pve1")
                .put("vm_id", 200).put("description", "Managed by sitec").put("pool_id", "containers").put("pet", false)
                .put("on_boot", true).put("cores", 1).put("memory_mib", 512).put("swap_mib", 512)
                .put("template_file_id", "local:vztmpl/debian-12.tar.zst").put("os_type", "debian").put("unprivileged", true).put("nesting", true)
                .put("datastore_id", "local-lvm").put("disk_gib", 8);
        ct.putArray("tags");
        ct.putArray("dns_servers").add("192.168.1.1");
        ct.putArray("ssh_keys");
        ct.putArray("nics");
        ct.putNull("startup");
        edit.accept(ct);
        return ct;
    }

    private static ObjectNode vmState(String node, int vmId, int diskGib, String datastore) {
        return state("proxmox_virtual_environment_vm", "cattle", vmAttributes(node, vmId, diskGib, datastore));
    }

    private static ObjectNode vmAttributes(String node, int vmId, int diskGib, String datastore) {
        ObjectNode a = JSON.createObjectNode();
        a.put("id", String.valueOf(vmId)).put("name", "web").put("node_name", node).put("vm_id", vmId);
        a.putArray("disk").addObject().put("interface", "scsi0").put("size", diskGib).put("datastore_id", datastore)
                .put("file_format", "raw");
        return a;
    }

    private static ObjectNode containerState(int diskGib, String datastore, String template, boolean unprivileged) {
        ObjectNode a = JSON.createObjectNode();
        a.put("id", "200").put("node_name", "pve1").put("vm_id", 200).put("unprivileged", unprivileged)
                .put("pool_id", "containers").put("template", false);
        ObjectNode init = a.putArray("initialization").addObject().put("hostname", "pihole");
        init.putArray("user_account").addObject().put("password", "").putArray("keys");
        a.putArray("disk").addObject().put("size", diskGib).put("datastore_id", datastore);
        a.putArray("operating_system").addObject().put("template_file_id", template).put("type", "debian");
        return state("proxmox_virtual_environment_container", "cattle", a);
    }

    private static ObjectNode state(String type, String name, ObjectNode attributes) {
        ObjectNode state = JSON.createObjectNode();
        state.put("version", 4).put("serial", 1).put("lineage", "00000000-0000-0000-0000-000000000001");
        state.putObject("outputs");
        ObjectNode resource = state.putArray("resources").addObject();
        resource.put("module", "module.guest").put("mode", "managed").put("type", type).put("name", name)
                .put("provider", "provider[\"registry.terraform.io/bpg/proxmox\"]");
        resource.putArray("instances").addObject().put("index_key", 0).put("schema_version", 0)
                .set("attributes", attributes);
        return state;
    }

    private static synchronized Planned plan(ObjectNode module, ObjectNode state, String address) throws Exception {
        Path root = ProviderPlanTest.root.resolve(module.path("source").asText().substring("./modules/".length()));
        ObjectNode config = JSON.createObjectNode();
        config.putObject("terraform").putObject("required_providers").putObject("proxmox").put("source", "bpg/proxmox");
        config.putObject("provider").putObject("proxmox").put("endpoint", "https://127.0.0.1:8006/")
                .put("api_token", "root@pam!plan=00000000-0000-0000-0000-000000000000").put("insecure", true);
        config.putObject("module").set("guest", module);
        Files.writeString(root.resolve("main.tf.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(config));
        Files.writeString(root.resolve("terraform.tfstate"), JSON.writeValueAsString(state));
        Files.deleteIfExists(root.resolve("plan.bin"));
        Map<String, String> env = new LinkedHashMap<>(consumers.terraformEnv());
        if (!Files.isDirectory(root.resolve(".terraform"))) {
            ExternalTool.Result init = ExternalTool.run(root, env,
                    List.of(consumers.terraform(), "init", "-backend=false", "-input=false", "-no-color"));
            assertThat(init.ok()).as(init.output()).isTrue();
        }
        ExternalTool.Result plan = ExternalTool.run(root, env, List.of(consumers.terraform(), "plan", "-refresh=false",
                "-input=false", "-no-color", "-lock=false", "-out=plan.bin"));
        if (!plan.ok()) {
            return new Planned(List.of(), List.of(), plan.output());
        }
        ExternalTool.Result show = ExternalTool.run(root, env, List.of(consumers.terraform(), "show", "-json", "plan.bin"));
        assertThat(show.ok()).as(show.output()).isTrue();
        for (JsonNode change : JSON.readTree(show.output()).path("resource_changes")) {
            if (change.path("address").asText().equals(address)) {
                List<String> actions = new ArrayList<>();
                change.path("change").path("actions").forEach(a -> actions.add(a.asText()));
                List<String> paths = new ArrayList<>();
                change.path("change").path("replace_paths").forEach(p -> {
                    List<String> parts = new ArrayList<>();
                    p.forEach(part -> parts.add(part.asText()));
                    paths.add(String.join(".", parts));
                });
                return new Planned(actions, paths, plan.output());
            }
        }
        throw new AssertionError("no change planned for " + address + ":\n" + plan.output());
    }
}
