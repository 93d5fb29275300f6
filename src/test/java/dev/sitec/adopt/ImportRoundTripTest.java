package dev.sitec.adopt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sitec.Compilation;
import dev.sitec.SiteCompiler;
import dev.sitec.diagnostic.Severity;
import dev.sitec.family.terraform.GuestTags;
import dev.sitec.model.Container;
import dev.sitec.model.Site;
import dev.sitec.model.Vm;
import dev.sitec.model.VmDisk;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Import, then generate, for the recorded clusters (src/test/resources/pve: a PVE 8 cluster of three
 * nodes with LVM-thin, ZFS and Ceph RBD, a flat and a VLAN-aware bridge, a Windows VM, a TrueNAS VM
 * with an HBA by mapping, containers with a bind mount and a volume; a PVE 9 node with a GPU by
 * address, a Coral by USB mapping, and guests import must refuse). The responses follow pve-manager's
 * API description (the GET returns of /cluster/resources, /nodes/{node}/qemu/{vmid}/config, ...).
 *
 * <p>Each imported guest must carry, into the generated Terraform, what the bpg/proxmox provider
 * (v0.111.1) replaces a guest for: node_name and vm_id (resource/vm/vm.go and container.go
 * CustomizeDiff), a VM's disks by slot on their storages (resource/vm/disk: a changed slot is a new
 * disk), a container's root disk storage, unprivileged and pool_id (ForceNew in container.go; pool_id
 * is never read back, so an adopted container has none). Each import block's id is the provider's
 * import format node/vm_id (parseImportIDWithNodeName; docs/resources/virtual_environment_vm.md).
 */
class ImportRoundTripTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path recorded(String cluster) {
        return Path.of("src/test/resources/pve", cluster);
    }

    private static String imported(String cluster) throws PveApiException {
        return ImportedSite.read(new RecordedPveApi(recorded(cluster), "src/test/resources/pve/" + cluster),
                Optional.empty()).text();
    }

    @ParameterizedTest
    @ValueSource(strings = {"pve8-home:imported-pve8", "pve9-single:imported-pve9"})
    void importIsDeterministicAndIsTheKeptTestSite(String pair) throws Exception {
        String[] p = pair.split(":");
        String first = imported(p[0]);
        assertThat(imported(p[0])).isEqualTo(first);
        // sites/imported-*.yaml are these imports; validate-sites has the real tools check their trees.
        assertThat(first).isEqualTo(Files.readString(Path.of("sites", p[1] + ".yaml"), StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"pve8-home", "pve9-single"})
    void everyImportedGuestKeepsWhatTheProviderWouldReplaceItFor(String cluster) throws Exception {
        String text = imported(cluster);
        // As written, the only errors are the placeholders the person replaces (PVE keeps no password hash).
        assertThat(new SiteCompiler().validateText(text, cluster + ".yaml").diagnostics())
                .filteredOn(d -> d.severity() == Severity.ERROR).isNotEmpty()
                .allSatisfy(d -> assertThat(d.rule()).isEqualTo("PlaceholdersReplaced"));
        Compilation compiled = new SiteCompiler().validateText(dev.sitec.KeptSites.finished(text), cluster + ".yaml");
        assertThat(compiled.diagnostics()).filteredOn(d -> d.severity() == Severity.ERROR).isEmpty();
        Site site = compiled.site().orElseThrow();
        Map<Integer, Vm> vms = new TreeMap<>();
        site.vms().values().forEach(vm -> vms.put(vm.vmId(), vm));
        Map<Integer, Container> containers = new TreeMap<>();
        site.containers().values().forEach(ct -> containers.put(ct.vmId(), ct));
        int checked = 0;
        for (JsonNode guest : data(cluster, "cluster/resources")) {
            String type = guest.path("type").asText();
            if (!type.equals("qemu") && !type.equals("lxc")) {
                continue;
            }
            int vmId = guest.path("vmid").asInt();
            JsonNode config = data(cluster, "nodes/" + guest.path("node").asText() + "/" + type + "/" + vmId + "/config");
            if (type.equals("qemu") && vms.containsKey(vmId)) {
                Vm vm = vms.get(vmId);
                assertThat(vm.node()).isEqualTo(guest.path("node").asText());
                assertThat(vm.existing()).isTrue();
                Map<String, String> disks = new TreeMap<>();
                for (VmDisk disk : vm.disks()) {
                    disks.put(disk.slot(), site.datastoreOf(vm, disk));
                }
                assertThat(disks).as("VM %d's disks by slot and storage", vmId).isEqualTo(recordedDisks(config));
                assertThat(GuestTags.of(site, vm)).as("VM %d's tags", vmId).containsAll(recordedTags(config));
                checked++;
            } else if (type.equals("lxc") && containers.containsKey(vmId)) {
                Container ct = containers.get(vmId);
                assertThat(ct.node()).isEqualTo(guest.path("node").asText());
                assertThat(ct.existing()).isTrue();
                assertThat(site.datastoreOf(ct)).isEqualTo(config.path("rootfs").asText().split(":")[0]);
                assertThat(ct.unprivileged()).isEqualTo(config.path("unprivileged").asInt(0) == 1);
                assertThat(GuestTags.of(ct)).as("container %d's tags", vmId).containsAll(recordedTags(config));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(vms.size() + containers.size()).isPositive();
        Path out = Files.createTempDirectory("sitec-import");
        Compilation generated = new SiteCompiler().compile(writeSite(out, dev.sitec.KeptSites.finished(text)), cluster + ".yaml");
        assertThat(generated.failed()).isFalse();
        String clusterName = site.clusters().keySet().iterator().next();
        String root = generated.files().stream().filter(f -> f.path()
                .equals("terraform/clusters/" + clusterName + "/main.tf")).findFirst()
                .map(f -> new String(f.content(), StandardCharsets.UTF_8)).orElseThrow();
        for (Vm vm : vms.values()) {
            assertThat(root).contains("import {\n  to = module.vm[\"" + vm.name() + "\"].proxmox_virtual_environment_vm.pet[0]\n"
                    + "  id = \"" + vm.node() + "/" + vm.vmId() + "\"\n}");
        }
        for (Container ct : containers.values()) {
            assertThat(root).contains("import {\n  to = module.container[\"" + ct.name()
                    + "\"].proxmox_virtual_environment_container.pet[0]\n  id = \"" + ct.node() + "/" + ct.vmId() + "\"\n}");
        }
        if (!containers.isEmpty()) {
            assertThat(root).contains("pool_id          = each.value.existing ? null :");
        }
        // A node with an active subscription keeps its enterprise repositories (pve8-home's pve-b has one).
        for (var node : site.clusters().get(clusterName).nodes().values()) {
            boolean active = data(cluster, "nodes/" + node.name() + "/subscription").path("status").asText().equals("active");
            String hostVars = generated.files().stream().filter(f -> f.path().equals("ansible/inventory/host_vars/"
                    + node.name() + ".yml")).findFirst().map(f -> new String(f.content(), StandardCharsets.UTF_8)).orElseThrow();
            assertThat(hostVars).contains("proxmox_node_subscription: " + active + "\n");
        }
        String runbook = generated.files().stream().filter(f -> f.path().equals("RUNBOOK.md")).findFirst()
                .map(f -> new String(f.content(), StandardCharsets.UTF_8)).orElseThrow();
        assertThat(runbook).contains("The first `apply` imports the guests of " + clusterName + " that exist already: ");
        vms.values().forEach(vm -> assertThat(runbook).contains(vm.name()));
    }

    /**
     * Issue 26, item 2: the recorded guest's tags the site can hold (lower case), which the first apply
     * must keep: the generated guest has each, with sitec's own beside them.
     */
    private static java.util.List<String> recordedTags(JsonNode config) {
        return java.util.Arrays.stream(config.path("tags").asText("").split("[;,\\s]+"))
                .filter(t -> t.matches("[a-z0-9][a-z0-9_.-]*")).toList();
    }

    /** The recorded VM's disks (not CD-ROMs, not the cloud-init drive), by slot, with their storage. */
    private static Map<String, String> recordedDisks(JsonNode config) {
        Map<String, String> disks = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = config.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String value = e.getValue().asText();
            if (e.getKey().matches("(scsi|virtio|sata|ide)\\d+") && !value.contains("media=cdrom")) {
                disks.put(e.getKey(), value.substring(0, value.indexOf(':')));
            }
        }
        return disks;
    }

    private static JsonNode data(String cluster, String path) throws Exception {
        return JSON.readTree(recorded(cluster).resolve(path + ".json").toFile()).path("data");
    }

    private static Path writeSite(Path dir, String text) throws Exception {
        Path file = dir.resolve("site.yaml");
        Files.writeString(file, text);
        return file;
    }
}
