package dev.sitec.family.installer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.sitec.BrokenSite;
import dev.sitec.plan.FileMode;
import dev.sitec.render.RenderedFile;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallerFamilyTest {

    @TempDir
    Path dir;

    private static final Schema ANSWER_SCHEMA = loadSchema();

    private static Schema loadSchema() {
        try (InputStream in = InstallerFamilyTest.class.getResourceAsStream("/contracts/answer/answer.schema.json")) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(new com.fasterxml.jackson.databind.ObjectMapper().readTree(in));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode toml(RenderedFile file) throws Exception {
        return new TomlMapper().readTree(file.text());
    }

    private static void assertValidAnswer(RenderedFile file) throws Exception {
        assertThat(ANSWER_SCHEMA.validate(toml(file))).as(file.path()).isEmpty();
    }

    @Test
    void everyProxmoxHostGetsAValidPrivateAnswer() throws Exception {
        Map<String, RenderedFile> files = BrokenSite.reference().generate(dir);
        for (String host : new String[] {"pve1", "pve2", "pve3", "pbs1", "pdm"}) {
            RenderedFile answer = files.get("installer/" + host + "/answer.toml");
            assertValidAnswer(answer);
            assertThat(answer.mode()).isEqualTo(FileMode.PRIVATE);
            assertThat(files.get("installer/" + host + "/prepare-iso.sh").mode()).isEqualTo(FileMode.EXECUTABLE);
        }
        assertThat(files).doesNotContainKey("installer/truenas/answer.toml"); // TrueNAS has its own installer
    }

    @Test
    void theNicIsFoundByItsMacAndItsNamePinned() throws Exception {
        JsonNode network = toml(BrokenSite.reference().generate(dir).get("installer/pve2/answer.toml")).get("network");
        assertThat(network.get("source").asText()).isEqualTo("from-answer");
        assertThat(network.get("cidr").asText()).isEqualTo("10.10.10.12/24");
        assertThat(network.get("gateway").asText()).isEqualTo("10.10.10.1");
        assertThat(network.get("filter").get("ID_NET_NAME_MAC").asText()).isEqualTo("*5847ca7a0002");
        assertThat(network.get("interface-name-pinning").get("mapping").get("58:47:ca:7a:00:02").asText()).isEqualTo("enp1s0");
    }

    @Test
    void thePdmVmIsFoundByItsDerivedMacOnItsOneDisk() throws Exception {
        Map<String, RenderedFile> files = BrokenSite.reference().generate(dir);
        JsonNode answer = toml(files.get("installer/pdm/answer.toml"));
        String mac = BrokenSite.reference().validate(dir).site().orElseThrow().vms().get("pdm").nics().get(0).guestMac().hexDigits();
        assertThat(answer.get("network").get("filter").get("ID_NET_NAME_MAC").asText()).isEqualTo("*" + mac);
        assertThat(answer.get("network").has("interface-name-pinning")).isFalse();
        assertThat(answer.get("disk-setup").get("filesystem").asText()).isEqualTo("ext4");
        assertThat(answer.get("disk-setup").get("disk-list").get(0).asText()).isEqualTo("sda");
        assertThat(files.get("installer/pdm/prepare-iso.sh").text())
                .contains("iso_url='https://enterprise.proxmox.com/iso/proxmox-datacenter-manager_1.0-1.iso'");
    }

    @Test
    void raidLevelsLandInTheirFilesystemsTable() throws Exception {
        String pve1 = "boot_disks: { filesystem: zfs, raid: raid1, disks: [nvme0n1, nvme1n1] }\n          devices:\n            # LSI";
        Map<String, String> layouts = Map.of(
                "{ filesystem: zfs, raid: raid10, disks: [a, b, c, d] }", "zfs",
                "{ filesystem: zfs, raid: raidz-2, disks: [a, b, c, d] }", "zfs",
                "{ filesystem: btrfs, raid: raid1, disks: [a, b] }", "btrfs",
                "{ filesystem: xfs, disks: [a] }", "");
        for (var layout : layouts.entrySet()) {
            Path sub = java.nio.file.Files.createTempDirectory(dir, "l");
            BrokenSite site = BrokenSite.reference().replace(pve1, pve1.replace(
                    "{ filesystem: zfs, raid: raid1, disks: [nvme0n1, nvme1n1] }", layout.getKey()));
            RenderedFile answer = site.generate(sub).get("installer/pve1/answer.toml");
            assertValidAnswer(answer);
            JsonNode disks = toml(answer).get("disk-setup");
            if (layout.getValue().isEmpty()) {
                assertThat(disks.has("zfs") || disks.has("btrfs")).as(layout.getKey()).isFalse();
            } else {
                assertThat(disks.get(layout.getValue()).get("raid").asText()).as(layout.getKey())
                        .isEqualTo(layout.getKey().replaceAll(".*raid: ([a-z0-9-]+).*", "$1"));
            }
        }
    }

    @Test
    void isoChecksumsAreVerifiedWhenTheSiteGivesThem() {
        String sha = "a".repeat(64);
        BrokenSite site = BrokenSite.reference().replace("\nproxmox:\n",
                "\ninstaller:\n  pve_iso: { url: \"https://mirror.example.org/pve.iso\", checksum: \"sha256:" + sha + "\" }\n\nproxmox:\n");
        String script = site.generate(dir).get("installer/pve1/prepare-iso.sh").text();
        assertThat(script).contains("iso_url='https://mirror.example.org/pve.iso'")
                .contains("printf '%s  %s\\n' '" + sha + "' \"$iso_file\" | sha256sum --check --strict -");
    }

    @Test
    void httpModeLaysTheSameAnswersOutByMac() throws Exception {
        BrokenSite site = BrokenSite.reference().replace("\nproxmox:\n",
                "\ninstaller:\n  fetch: http\n  answer_url: \"https://answers.lab.example.org/answer\"\n\nproxmox:\n");
        Map<String, RenderedFile> files = site.generate(dir);
        assertThat(files.get("installer/http/5847ca7a0001.toml").content())
                .isEqualTo(files.get("installer/pve1/answer.toml").content());
        assertThat(files.get("installer/http/5847ca7a0001.toml").mode()).isEqualTo(FileMode.PRIVATE);
        assertThat(files.get("installer/pve1/prepare-iso.sh").text())
                .contains("--fetch-from http --url 'https://answers.lab.example.org/answer'");
    }
}
