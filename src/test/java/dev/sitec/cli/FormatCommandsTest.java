package dev.sitec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitec.BrokenSite;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The format's commands: migrate (in place, once), schema (for editors), and what validate says it read. */
class FormatCommandsTest {

    @TempDir
    Path dir;

    private CliTest.Run run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Invocation here = new Invocation(dir, env, new PrintWriter(out, true), new PrintWriter(err, true));
        int exit = SitecCommand.run(args, here);
        return new CliTest.Run(exit, out.toString(), err.toString());
    }

    private CliTest.Run run(String... args) {
        return run(Map.of("SITEC_NO_STAMP", "1"), args);
    }

    @Test
    void migrateRewritesTheFileOnceAndPlanSeesNoChange() throws Exception {
        BrokenSite.reference().writeTo(dir);
        assertThat(run("generate").exit()).isZero();
        CliTest.Run migrated = run("migrate");
        assertThat(migrated.exit()).as(migrated.err()).isZero();
        assertThat(migrated.out()).isEqualTo("site.yaml: migrated from sitec.dev/v1 to sitec.dev/v2; its K3s cluster is now"
                + " kubernetes.homelab\n");
        assertThat(Files.readString(dir.resolve("site.yaml"))).contains("apiVersion: sitec.dev/v2\n", "kubernetes:\n  homelab:\n");
        assertThat(run("validate").out()).isEqualTo("site.yaml is valid (sitec.dev/v2)\n");
        // Same clusters, same names: the running lab sees nothing.
        assertThat(run("plan").out()).endsWith("no changes: applying the tree changes nothing in the lab\n");
        String once = Files.readString(dir.resolve("site.yaml"));
        CliTest.Run again = run("migrate");
        assertThat(again.out()).isEqualTo("site.yaml is sitec.dev/v2 already; nothing to do\n");
        assertThat(Files.readString(dir.resolve("site.yaml"))).isEqualTo(once);
    }

    @Test
    void migrateLeavesABrokenFileAsItIs() throws Exception {
        String broken = BrokenSite.reference().replace("k3s-cp-1: { node: pve1", "k3s-cp-1: { node: pve9").text();
        Files.writeString(dir.resolve("site.yaml"), broken);
        CliTest.Run run = run("migrate");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("error: vm 'k3s-cp-1' refers to unknown node 'pve9'\n")
                .endsWith("sitec: site.yaml has errors; migrate rewrites only a file that validates\n");
        assertThat(Files.readString(dir.resolve("site.yaml"))).isEqualTo(broken);
    }

    @Test
    void schemaPrintsThePathOfTheSchemaAnEditorReads() throws Exception {
        Path cache = dir.resolve("cache");
        CliTest.Run run = run(Map.of("XDG_CACHE_HOME", cache.toString()), "schema");
        assertThat(run.exit()).isZero();
        Path printed = Path.of(run.out().strip());
        assertThat(printed).isEqualTo(cache.resolve("sitec/schema/site.schema.json"));
        assertThat(Files.readString(printed)).isEqualTo(Files.readString(Path.of("schema/site.schema.json")));
        assertThat(run(Map.of("XDG_CACHE_HOME", cache.toString()), "schema", "--print").out())
                .isEqualTo(Files.readString(Path.of("schema/site.schema.json")));
    }
}
