package dev.sitec.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sitec.Compilation;
import dev.sitec.SiteCompiler;
import dev.sitec.render.RenderedFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The first plan after sitec import, run for real: the tree generated from sites/imported-*.yaml,
 * Terraform and the bpg/proxmox provider (v0.111.1, from scripts/install-consumers), and a stand-in
 * PVE API answering from the same recorded responses import read (plus what only the provider reads:
 * status/current, storage content, pools, container interfaces). terraform plan runs the provider's
 * ImportState and Read for every import block, then its diff: each adopted guest and mapping must be
 * imported and changed in place at most, nothing destroyed, and the plan must write nothing.
 */
class ImportPlanTest {

    private static final Path PROJECT = Path.of("").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"imported-pve8, pve8-home, home, 7", "imported-pve9, pve9-single, pve, 4"})
    void theFirstPlanImportsAndChangesInPlaceOnly(String site, String recorded, String cluster, int imports)
            throws Exception {
        Consumers consumers = Consumers.of(PROJECT);
        assumeTrue(System.getenv("CI") != null || consumers.missingTerraform() == null,
                "scripts/install-consumers has not run");
        // As the person does first: put in their key and password hash where import left placeholders.
        Compilation compiled = new SiteCompiler().compile(dev.sitec.KeptSites.finishedCopy(
                PROJECT.resolve("sites/" + site + ".yaml"), Files.createDirectories(dir.resolve("site"))), site + ".yaml");
        assertThat(compiled.failed()).as("%s", compiled.diagnostics()).isFalse();
        for (RenderedFile file : compiled.files()) {
            if (file.path().startsWith("terraform/")) {
                Path target = dir.resolve(file.path());
                Files.createDirectories(target.getParent());
                Files.write(target, file.content());
            }
        }
        Path root = dir.resolve("terraform/clusters/" + cluster);
        try (RecordedPveServer pve = RecordedPveServer.serving(PROJECT.resolve("src/test/resources/pve/" + recorded), dir)) {
            // An override file points the generated provider block at the stand-in, as Terraform merges it.
            Files.writeString(root.resolve("providers_override.tf"), "provider \"proxmox\" {\n  endpoint = \""
                    + pve.endpoint() + "\"\n  insecure = true\n}\n");
            Map<String, String> env = new LinkedHashMap<>(consumers.terraformEnv());
            env.put("PROXMOX_VE_API_TOKEN", "root@pam!plan=00000000-0000-0000-0000-000000000000");
            ExternalTool.Result init = ExternalTool.run(root, env,
                    List.of(consumers.terraform(), "init", "-input=false", "-no-color"));
            assertThat(init.ok()).as(init.output()).isTrue();
            ExternalTool.Result plan = ExternalTool.run(root, env, List.of(consumers.terraform(), "plan", "-input=false",
                    "-no-color", "-lock=false", "-out=plan.bin"));
            assertThat(plan.ok()).as(plan.output()).isTrue();
            assertThat(pve.writes()).as("a plan writes nothing").isEmpty();
            assertThat(pve.unanswered()).as("GETs the recordings do not answer").isEmpty();
            ExternalTool.Result show = ExternalTool.run(root, env, List.of(consumers.terraform(), "show", "-json",
                    "plan.bin"));
            assertThat(show.ok()).as(show.output()).isTrue();
            Map<String, List<String>> imported = new TreeMap<>();
            List<String> destroyed = new ArrayList<>();
            for (JsonNode change : JSON.readTree(show.output()).path("resource_changes")) {
                List<String> actions = new ArrayList<>();
                change.path("change").path("actions").forEach(a -> actions.add(a.asText()));
                if (actions.contains("delete")) {
                    destroyed.add(change.path("address").asText() + " " + change.path("change").path("replace_paths"));
                }
                if (change.path("change").has("importing")) {
                    imported.put(change.path("address").asText(), actions);
                    kept(change.path("address").asText(), change.path("change").path("before"),
                            change.path("change").path("after"));
                }
            }
            assertThat(destroyed).as("replaced or deleted by the first plan").isEmpty();
            assertThat(imported).hasSize(imports);
            assertThat(imported.values()).allSatisfy(actions -> assertThat(actions).isSubsetOf("no-op", "update"));
        }
    }

    /**
     * What the site carried for an adopted guest is what the provider read: the plan leaves it as it is
     * (a VM's firmware, its serial console and the slots of its disks; a container's privilege and root
     * disk storage), so the apply cannot break its boot, its console or its disks.
     */
    private static void kept(String address, JsonNode before, JsonNode after) {
        for (String key : List.of("node_name", "bios", "unprivileged")) {
            assertThat(after.path(key)).as("%s %s", address, key).isEqualTo(before.path(key));
        }
        assertThat(after.path("serial_device").size()).as("%s serial_device", address)
                .isEqualTo(before.path("serial_device").size());
        assertThat(slots(after)).as("%s disks by slot and storage", address).isEqualTo(slots(before));
        if (!address.contains("proxmox_virtual_environment_vm.")) {
            return;
        }
        // And the hardware it has, a change of which restarts it (bpg/proxmox resource/vm/vm.go vmUpdate
        // rebootRequired): its CPU model, SCSI controller, boot order, agent, PCI devices and disk formats;
        // and its pool and notes, which sitec leaves as they are.
        // A VM without a cpu line runs PVE's default, kvm64 (qemu-server CPUConfig.pm), which the provider
        // reads as qemu64: that one is written, as import says.
        String cpu = before.path("cpu").path(0).path("type").asText();
        assertThat(after.path("cpu").path(0).path("type").asText()).as("%s cpu type", address)
                .isEqualTo(cpu.equals("qemu64") ? "kvm64" : cpu);
        for (String key : List.of("scsi_hardware", "boot_order", "agent", "hostpci", "pool_id", "description")) {
            assertThat(after.path(key)).as("%s %s", address, key).isEqualTo(before.path(key));
        }
        Map<String, String> formats = new TreeMap<>();
        before.path("disk").forEach(d -> formats.put(d.path("interface").asText(), d.path("file_format").asText()));
        after.path("disk").forEach(d -> assertThat(d.path("file_format").asText())
                .as("%s %s file_format", address, d.path("interface").asText())
                .isEqualTo(formats.get(d.path("interface").asText())));
    }

    private static Map<String, String> slots(JsonNode guest) {
        Map<String, String> slots = new TreeMap<>();
        guest.path("disk").forEach(d -> slots.put(d.path("interface").asText("rootfs"), d.path("datastore_id").asText()));
        return slots;
    }
}
