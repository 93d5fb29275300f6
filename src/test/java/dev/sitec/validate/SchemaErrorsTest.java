package dev.sitec.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitec.BrokenSite;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schema errors are reported all at once, at their YAML position, in the user's terms. */
class SchemaErrorsTest {

    @TempDir
    Path dir;

    @Test
    void unknownKeySuggestsTheClosestValidKey() {
        BrokenSite site = BrokenSite.reference().replace("    memory_mib: 8192\n", "    memory_mb: 8192\n");
        assertThat(site.diagnostics(dir)).containsExactly(site.error("    memory_mb: 8192", "memory_mb",
                "unknown key 'memory_mb' in profiles.k3s-server", "did you mean 'memory_mib'?"));
    }

    /**
     * Issue 25: a nested key's typo gets "did you mean" as a top-level one does. Swapped letters
     * ("coers") are one slip, not two edits: counted as two, a short key got the list of keys.
     */
    @Test
    void aNestedKeyWithSwappedLettersGetsTheKeyItMeant() {
        BrokenSite site = BrokenSite.reference().replace("    cores: 4\n    memory_mib: 32768\n",
                "    coers: 4\n    memory_mib: 32768\n");
        assertThat(site.diagnostics(dir)).containsExactly(site.error("    coers: 4", "coers",
                "unknown key 'coers' in vms.truenas", "did you mean 'cores'?"));
        BrokenSite top = BrokenSite.reference().replace("  domain: lab.example.org", "  domian: lab.example.org");
        assertThat(top.diagnostics(dir)).extracting(d -> d.message() + " / " + d.hint().orElse("")).contains(
                "unknown key 'domian' in site / did you mean 'domain'?");
    }

    /**
     * The fuzzing run's reproducer, scaled down: a million empty VMs printed 1.5 million errors.
     * Schema checking stops at its cap, and says so.
     */
    @Test
    void schemaCheckingStopsAtItsCap() {
        StringBuilder vms = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            vms.append("  empty-").append(i).append(": {}\n");
        }
        BrokenSite site = BrokenSite.reference().replace("vms:\n", "vms:\n" + vms);
        var found = site.diagnostics(dir);
        assertThat(found).hasSize(SchemaValidator.MAX_ERRORS + 1);
        assertThat(found.get(found.size() - 1)).isEqualTo(new dev.sitec.diagnostic.Diagnostic(
                dev.sitec.diagnostic.Severity.ERROR, new dev.sitec.diagnostic.SourceLocation("site.yaml", 1, 1),
                "checking stopped after 1000 schema errors", java.util.Optional.of("fix these and run again")));
    }

    /** A description that starts with an acronym keeps it after "expected". */
    @Test
    void hintsKeepAcronyms() {
        BrokenSite site = BrokenSite.reference().replace("  domain: lab.example.org", "  domain: lab_example");
        assertThat(site.diagnostics(dir)).singleElement().satisfies(d ->
                assertThat(d.hint()).get().asString().startsWith("expected DNS domain of every host"));
    }

    @Test
    void missingRequiredKeyPointsAtItsObject() {
        BrokenSite site = BrokenSite.reference().replace("k3s-cp-1: { node: pve1, ", "k3s-cp-1: { ");
        assertThat(site.diagnostics(dir)).containsExactly(site.error("  k3s-cp-1:", "k3s-cp-1",
                "vms.k3s-cp-1 is missing the required key 'node'", null));
    }

    @Test
    void vlanIdsAreBetween1And4094() {
        BrokenSite site = BrokenSite.reference().replace("vlan: 30", "vlan: 5000");
        assertThat(site.diagnostics(dir)).containsExactly(site.error("vlan: 5000", "5000",
                "networks.storage.vlan is 5000, but must be at most 4094", null));
        BrokenSite zero = BrokenSite.reference().replace("vlan: 30", "vlan: 0");
        assertThat(zero.diagnostics(dir)).containsExactly(zero.error("vlan: 0", "0",
                "networks.storage.vlan is 0, but must be at least 1", null));
    }

    /** Reproducers from the fuzzing run: once read as an int, these became 14 and -2147483648. */
    @Test
    void integersTooLargeForTheModelAreRefusedWhereTheyAreWritten() {
        BrokenSite group = BrokenSite.reference().replace("iommu_group: 14 }", "iommu_group: 4294967310 }");
        assertThat(group.diagnostics(dir)).containsExactly(group.error("iommu_group: 4294967310", "4294967310",
                "proxmox.clusters.pve.nodes.pve1.devices.hba0.iommu_group is 4294967310, but must be at most 65535", null));
        BrokenSite keep = BrokenSite.reference().replace("keep_daily: 7,", "keep_daily: 2147483648,");
        assertThat(keep.diagnostics(dir)).containsExactly(keep.error("keep_daily: 2147483648", "2147483648",
                "proxmox.backup_servers.pbs1.retention.keep_daily is 2147483648, but must be at most 100000", null));
    }

    /**
     * Reproducers from the fuzzing run: a path-like value with a ".", ".." or empty segment ended in
     * exit 3 (the planned path escaped the output folder) or in paths such as ./../../tmp/x. Each is
     * now refused where it is written.
     */
    @Test
    void pathLikeValuesAreCleanPaths() {
        String hint = "expected path of the cluster's folder inside sitec's Flux tree (not from the repository root), e.g."
                + " clusters/homelab: Flux syncs <tree>/<path>, by default generated/flux/clusters/homelab. A clean path: no empty,"
                + " \".\" or \"..\" segment.";
        for (String path : java.util.List.of("..", ".", "x/..", "x/./y", "x//y")) {
            BrokenSite site = BrokenSite.reference().replace("    path: clusters/homelab", "    path: " + path);
            assertThat(site.diagnostics(dir)).as(path).containsExactly(site.error("    path: " + path, path,
                    "kubernetes.flux.path has an invalid value '" + path + "'", hint));
        }
        BrokenSite export = BrokenSite.reference().replace("export: /mnt/tank/k8s", "export: /mnt/../etc");
        assertThat(export.diagnostics(dir)).containsExactly(export.error("export: /mnt/../etc", "/mnt/../etc",
                "kubernetes.storage.nfs.export has an invalid value '/mnt/../etc'",
                "expected exported path on the server. An absolute clean path: no empty, \".\" or \"..\" segment."));
        BrokenSite datastore = BrokenSite.reference().replace("path: /mnt/datastore/main", "path: /mnt/datastore/../../tmp");
        assertThat(datastore.diagnostics(dir)).singleElement().extracting(d -> d.message())
                .isEqualTo("proxmox.backup_servers.pbs1.datastores.main.path has an invalid value '/mnt/datastore/../../tmp'");
        for (String branch : java.util.List.of("main..x", "../main", "main/", ".hidden", "a//b", "x.lock")) {
            BrokenSite site = BrokenSite.reference().replace("    branch: main", "    branch: " + branch);
            assertThat(site.diagnostics(dir)).as(branch).singleElement().extracting(d -> d.message())
                    .isEqualTo("kubernetes.flux.branch has an invalid value '" + branch + "'");
        }
        assertThat(BrokenSite.reference().replace("    branch: main", "    branch: release/2026.12").diagnostics(dir)).isEmpty();
    }

    @Test
    void enumSuggestsTheClosestValue() {
        BrokenSite site = BrokenSite.reference().replace("keyboard: en-us", "keyboard: en-uss");
        assertThat(site.diagnostics(dir)).singleElement().satisfies(d -> {
            assertThat(d.location()).isEqualTo(site.at("keyboard: en-uss", "en-uss"));
            assertThat(d.message()).startsWith("site.keyboard must be one of de, de-ch, dk,").endsWith(", not 'en-uss'");
            assertThat(d.hint()).contains("did you mean 'en-us'?");
        });
    }

    @Test
    void patternErrorsExplainTheExpectedForm() {
        BrokenSite site = BrokenSite.reference().replace("mac: \"58:47:ca:7a:00:02\"", "mac: \"58:47:ca:7a:00:0z\"");
        assertThat(site.diagnostics(dir)).containsExactly(site.error("mac: \"58:47:ca:7a:00:0z\"", "\"58",
                "proxmox.clusters.pve.nodes.pve2.mac has an invalid value '58:47:ca:7a:00:0z'",
                "expected a MAC address as six colon-separated hex pairs, e.g. \"58:47:ca:7a:00:01\" (quote it in YAML)."));
    }

    /**
     * Issue 23, item 14: a 3.9 MB value reused through 200 aliases printed 384 MB of errors, each
     * quoting it whole. A message quotes at most a hundred characters of a value, and says how long it is.
     */
    @Test
    void aLongValueIsQuotedInAtMostAHundredCharacters() {
        String value = "z".repeat(20_000);
        BrokenSite site = BrokenSite.reference().replace("mac: \"58:47:ca:7a:00:02\"", "mac: \"" + value + "\"");
        assertThat(site.diagnostics(dir)).singleElement().satisfies(d -> assertThat(d.message()).isEqualTo(
                "proxmox.clusters.pve.nodes.pve2.mac has an invalid value '" + "z".repeat(100) + "... (20000 characters)'"));
    }

    @Test
    void wrongTypeSaysWhatWasExpected() {
        BrokenSite site = BrokenSite.reference().replace("cores: 4\n    memory_mib: 32768", "cores: four\n    memory_mib: 32768");
        assertThat(site.diagnostics(dir)).containsExactly(site.error("cores: four", "four",
                "vms.truenas.cores must be a whole number, not 'four'", null));
    }

    @Test
    void numberWhereTextIsExpectedSuggestsQuotes() {
        BrokenSite site = BrokenSite.reference().replace("branch: main", "branch: 2026");
        assertThat(site.diagnostics(dir)).containsExactly(site.error("branch: 2026", "2026",
                "kubernetes.flux.branch must be a string, not 2026", "put the value in quotes: \"2026\""));
    }

    @Test
    void invalidNamesAreReportedAtTheKey() {
        BrokenSite site = BrokenSite.reference().replace("  k3s-w-tpu:", "  K3s-w-tpu:");
        assertThat(site.diagnostics(dir)).singleElement().satisfies(d -> {
            assertThat(d.location()).isEqualTo(site.at("  K3s-w-tpu:", "K3s"));
            assertThat(d.message()).isEqualTo("'K3s-w-tpu' is not a valid name in vms");
            assertThat(d.hint()).get().asString().startsWith("expected a name: a DNS label");
        });
    }

    @Test
    void keysThatDoNotApplyToThisKindAreRefused() {
        BrokenSite site = BrokenSite.reference().replace("port: \"2-1\" }", "port: \"2-1\", iommu_group: 3 }");
        assertThat(site.diagnostics(dir)).containsExactly(site.error("iommu_group: 3", "iommu_group",
                "'iommu_group' is not allowed in proxmox.clusters.pve.nodes.pve3.devices.coral0",
                "iommu_group: The IOMMU group the device is in (pci only; see /sys/kernel/iommu_groups). Optional: PVE checks it at VM start when given."));
    }

    @Test
    void everyErrorIsReportedAtOnceInSourceOrder() {
        BrokenSite site = BrokenSite.reference()
                .replace("    memory_mib: 8192\n", "    memory_mb: 8192\n")
                .replace("vlan: 30", "vlan: 5000")
                .replace("keyboard: en-us", "keyboard: en-uss");
        assertThat(site.diagnostics(dir)).extracting(d -> d.location().line()).hasSize(3).isSorted();
    }
}
