package dev.sitec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitec.Compilation;
import dev.sitec.SiteCompiler;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sitec init: a starter site that validates as written, in each shape, never over an existing one. */
class InitCommandTest {

    @TempDir
    Path dir;

    private CliTest.Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Invocation here = new Invocation(dir, Map.of("XDG_CACHE_HOME", dir.resolve("cache").toString()),
                new PrintWriter(out, true), new PrintWriter(err, true));
        int exit = SitecCommand.run(args, here);
        return new CliTest.Run(exit, out.toString(), err.toString());
    }

    private Compilation compile(String file) {
        return new SiteCompiler().compile(dir.resolve(file), file);
    }

    /**
     * The starter as written: exactly the two placeholders are refused (issue 25: applying them would
     * lock the person out), each where it is, with the command that makes the real value; once the
     * person puts in theirs, the site compiles without a finding.
     */
    private Compilation compileOnceFinished(String file) throws Exception {
        assertThat(compile(file).diagnostics()).extracting(d -> d.rule() + ": " + d.hint().orElse(""))
                .containsExactly("PlaceholdersReplaced: paste your public key (cat ~/.ssh/id_ed25519.pub; make one with"
                                + " ssh-keygen -t ed25519)",
                        "PlaceholdersReplaced: make one with mkpasswd -m sha-512 (Debian's whois package) or openssl"
                                + " passwd -6, and paste it in quotes");
        Files.writeString(dir.resolve(file), dev.sitec.KeptSites.finished(Files.readString(dir.resolve(file))));
        return compile(file);
    }

    @Test
    void theMinimalStarterValidatesWithoutAFindingAndCarriesTheSchemaLine() throws Exception {
        CliTest.Run run = run("init");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("wrote site.yaml (minimal, 1 Proxmox node, home.arpa, 192.168.1.0/24)\n"
                + "next: put in your SSH public key and password hash (sitec validate shows where and how), then sitec"
                + " generate\n");
        String text = Files.readString(dir.resolve("site.yaml"));
        Path schema = dir.resolve("cache/sitec/schema/site.schema.json");
        assertThat(text).startsWith("# yaml-language-server: $schema=" + schema + "\n").contains("apiVersion: sitec.dev/v2\n",
                "        pve1: { address: 192.168.1.11, datastore: local-lvm }   # installed already\n");
        assertThat(schema).exists();
        assertThat(compileOnceFinished("site.yaml").diagnostics()).isEmpty();
    }

    @Test
    void theHomelabStarterFillsInItsAnswersAndValidatesWithoutAFinding() throws Exception {
        CliTest.Run run = run("init", "--homelab", "--domain", "lab.example.org", "--cidr", "10.10.10.0/24", "--nodes", "3");
        assertThat(run.exit()).as(run.err()).isZero();
        String text = Files.readString(dir.resolve("site.yaml"));
        assertThat(text).contains("  name: lab\n  domain: lab.example.org\n",
                "  mgmt: { cidr: 10.10.10.0/24, gateway: 10.10.10.1, dns: [10.10.10.1] }",
                "  servers: { vlan: 20, cidr: 10.10.20.0/24, gateway: 10.10.20.1, dns: [10.10.10.1] }",
                "        pve3:\n          mac: \"02:00:00:00:00:03\"   # replace",
                "    servers: [k3s-cp-1, k3s-cp-2, k3s-cp-3]\n    agents: [k3s-w-1, k3s-w-2, k3s-w-3]\n");
        Compilation compiled = compileOnceFinished("site.yaml");
        assertThat(compiled.diagnostics()).isEmpty();
        assertThat(compiled.files()).isNotEmpty();
    }

    @Test
    void theReadmeShowsWhatInitPrints() throws Exception {
        String[] args = {"init", "--homelab", "--domain", "lab.example.org", "--cidr", "10.10.10.0/24", "--nodes", "3"};
        CliTest.Run run = run(args);
        String shown = "```\n$ sitec " + String.join(" ", args) + "\n" + run.out() + "```\n";
        assertThat(Files.readString(Path.of("README.md"))).contains(shown);
    }

    @Test
    void oneNodeMakesAHomelabWithOneLonghornReplica() throws Exception {
        assertThat(run("init", "--homelab").exit()).isZero();
        assertThat(Files.readString(dir.resolve("site.yaml"))).contains("default_replicas: 1,");
        assertThat(compileOnceFinished("site.yaml").diagnostics()).isEmpty();
    }

    @Test
    void anExistingSiteIsNeverOverwritten() throws Exception {
        Files.writeString(dir.resolve("site.yaml"), "mine\n");
        CliTest.Run run = run("init");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("sitec: site.yaml exists; init never overwrites a site\n"
                + "    hint: move it away, or name another file with -f\n");
        assertThat(Files.readString(dir.resolve("site.yaml"))).isEqualTo("mine\n");
    }

    @Test
    void answersThatCannotMakeASiteAreUsageErrors() {
        assertThat(run("init", "--cidr", "10.0.0.5/24").err()).isEqualTo(
                "sitec: --cidr 10.0.0.5/24 must be a /24 network address, such as 192.168.1.0/24\n");
        assertThat(run("init", "--domain", "Not A Domain").err()).isEqualTo(
                "sitec: --domain Not A Domain is not a DNS domain (lowercase labels joined by dots, e.g. home.arpa)\n");
        assertThat(run("init", "--homelab", "--cidr", "10.0.240.0/24").err()).startsWith(
                "sitec: --cidr 10.0.240.0/24 leaves no room for the servers and storage VLANs");
        CliTest.Run both = run("init", "--minimal", "--homelab");
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err()).contains("--minimal, --homelab are mutually exclusive");
        assertThat(dir.resolve("site.yaml")).doesNotExist();
    }
}
