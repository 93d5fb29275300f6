package dev.sitec.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitec.BrokenSite;
import dev.sitec.Compilation;
import dev.sitec.SiteCompiler;
import dev.sitec.render.RenderedFile;
import dev.sitec.write.Manifest;
import dev.sitec.write.RecordedSite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sitec migrate: v1 to v2 as text, the same tree after, nothing lost, nothing done twice. */
class SiteMigrationTest {

    @TempDir
    Path dir;

    @Test
    void theReferenceSiteMigratedGeneratesTheSameTree() throws Exception {
        String v1 = Files.readString(Path.of("site.yaml"));
        SiteMigration.Result result = SiteMigration.toV2(v1, "site.yaml");
        assertThat(result.problems()).isEmpty();
        assertThat(result.changed()).isTrue();
        assertThat(result.summary()).isEqualTo("site.yaml: migrated from sitec.dev/v1 to sitec.dev/v2; its K3s cluster is"
                + " now kubernetes.homelab");
        assertThat(result.text()).contains("apiVersion: sitec.dev/v2\nsite:\n").contains("kubernetes:\n  homelab:\n"
                + "    distribution: k3s\n    version: v1.36.3+k3s1\n"
                + "    api_vip: 10.10.20.20               # kube-vip address in front of the servers\n");
        // The recorded site is the file itself, and the manifest hashes it: every other file is the same.
        assertThat(tree(result.text())).isEqualTo(tree(v1));
    }

    @Test
    void everyCommentAndBlankLineStaysAndOnlyTheKubernetesBlockMoves() throws Exception {
        String v1 = Files.readString(Path.of("site.yaml"));
        String v2 = SiteMigration.toV2(v1, "site.yaml").text();
        assertThat(v2.lines().filter(l -> l.strip().startsWith("#")).map(String::strip).toList())
                .isEqualTo(v1.lines().filter(l -> l.strip().startsWith("#")).map(String::strip).toList());
        assertThat(v2.lines().count()).isEqualTo(v1.lines().count() + 1);
        String before = v1.substring(0, v1.indexOf("\nkubernetes:"));
        assertThat(v2.substring(0, v2.indexOf("\nkubernetes:"))).isEqualTo(before.replace("sitec.dev/v1", "sitec.dev/v2"));
    }

    @Test
    void aSecondMigrateChangesNothing() throws Exception {
        String v2 = SiteMigration.toV2(Files.readString(Path.of("site.yaml")), "site.yaml").text();
        SiteMigration.Result again = SiteMigration.toV2(v2, "site.yaml");
        assertThat(again.changed()).isFalse();
        assertThat(again.text()).isEqualTo(v2);
        assertThat(again.summary()).isEqualTo("site.yaml is sitec.dev/v2 already; nothing to do");
    }

    @Test
    void aFileWithoutApiVersionGetsOneBeforeItsFirstKey() {
        String v1 = BrokenSite.reference().replace("apiVersion: sitec.dev/v1\n", "").text();
        String v2 = SiteMigration.toV2(v1, "site.yaml").text();
        assertThat(v2).contains("names the datastore its guests use.\n\napiVersion: sitec.dev/v2\nsite:\n");
    }

    @Test
    void aClusterWrittenInFlowStyleMovesUnderItsName() {
        String v1 = "apiVersion: sitec.dev/v1\n" + minimalWithCluster("kubernetes: { distribution: k3s, version: v1.36.3+k3s1,"
                + " api_vip: 192.168.1.10, servers: [k3s] }   # one node\n");
        SiteMigration.Result result = SiteMigration.toV2(v1, "site.yaml");
        assertThat(result.problems()).isEmpty();
        assertThat(result.text()).endsWith("kubernetes:\n  home: { distribution: k3s, version: v1.36.3+k3s1, api_vip:"
                + " 192.168.1.10, servers: [k3s] }   # one node\n");
    }

    @Test
    void aV1FileWhoseFluxFolderIsCalledClusterValidatesAndMigrates() {
        // Issue 26, item 9: its cluster is named 'cluster', whose Ansible group once was sitec's k3s_cluster.
        String v1 = BrokenSite.reference().replace("path: clusters/homelab", "path: clusters/cluster").text();
        SiteMigration.Result result = SiteMigration.toV2(v1, "site.yaml");
        assertThat(result.problems()).isEmpty();
        assertThat(result.summary()).isEqualTo("site.yaml: migrated from sitec.dev/v1 to sitec.dev/v2; its K3s cluster is"
                + " now kubernetes.cluster");
        assertThat(result.text()).contains("kubernetes:\n  cluster:\n");
    }

    @Test
    void aFileWithErrorsIsNotRewritten() {
        String broken = BrokenSite.reference().replace("k3s-cp-1: { node: pve1", "k3s-cp-1: { node: pve9").text();
        SiteMigration.Result result = SiteMigration.toV2(broken, "site.yaml");
        assertThat(result.changed()).isFalse();
        assertThat(result.text()).isEqualTo(broken);
        assertThat(result.summary()).isEqualTo("site.yaml has errors; migrate rewrites only a file that validates");
        assertThat(result.problems()).singleElement().satisfies(d -> assertThat(d.message())
                .isEqualTo("vm 'k3s-cp-1' refers to unknown node 'pve9'"));
    }

    private static String minimalWithCluster(String cluster) {
        try {
            String minimal = Files.readString(Path.of("sites/minimal.yaml"));
            String body = minimal.substring(minimal.indexOf("\nsite:\n") + 1);
            return body.replace("secrets:\n", "secrets:\n  k3s_token: { env: K3S_TOKEN }\n")
                    .replace("  runner:", "  k3s: { node: pve, image: debian, address: { lan: 192.168.1.21 } }\n  runner:")
                    + cluster;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Every generated file but the recorded site and the manifest that hashes it. */
    private Map<String, String> tree(String text) throws Exception {
        Path file = Files.createTempFile(dir, "site-", ".yaml");
        Files.writeString(file, text);
        Compilation compiled = new SiteCompiler().compile(file, "site.yaml");
        assertThat(compiled.failed()).as(compiled.diagnostics().toString()).isFalse();
        Map<String, String> files = new TreeMap<>();
        for (RenderedFile f : compiled.files()) {
            if (!f.path().equals(RecordedSite.FILE_NAME) && !f.path().equals(Manifest.FILE_NAME)) {
                files.put(f.path(), f.text());
            }
        }
        return files;
    }
}
