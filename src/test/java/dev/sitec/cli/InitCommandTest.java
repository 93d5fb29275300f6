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
        assertThat(run.out()).isEqualTo("wrote site.yaml (minimal, 1 Proxmox node, home.arpa, 192.168.1.0/24) and"
                + " site.schema.json, its schema for an editor\n"
                + "next: put in your SSH public key and password hash (sitec validate shows where and how), then sitec"
                + " generate\n");
        String text = Files.readString(dir.resolve("site.yaml"));
        // Relative to the site's folder (as yaml-language-server resolves it): the line works on any machine the
        // lab folder is cloned to, and names no home folder.
        assertThat(text).startsWith("# yaml-language-server: $schema=./site.schema.json\n").contains("apiVersion: sitec.dev/v2\n",
                "        pve1: { address: 192.168.1.11, datastore: local-lvm }   # installed already\n");
        try (var schema = SchemaCommand.class.getResourceAsStream(SchemaCommand.RESOURCE)) {
            assertThat(dir.resolve("site.schema.json")).hasBinaryContent(schema.readAllBytes());
        }
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

    /** Issue 25: any prefix; the addresses come from the network, and a network too small is refused with why. */
    @Test
    void anyPrefixGivesAddressesInItsNetwork() throws Exception {
        CliTest.Run run = run("init", "--homelab", "--cidr", "10.1.0.0/20", "--nodes", "2");
        assertThat(run.exit()).as(run.err()).isZero();
        String text = Files.readString(dir.resolve("site.yaml"));
        assertThat(text).contains("  mgmt: { cidr: 10.1.0.0/20, gateway: 10.1.0.1, dns: [10.1.0.1] }",
                "  servers: { vlan: 20, cidr: 10.1.160.0/20, gateway: 10.1.160.1, dns: [10.1.0.1] }",
                "  storage: { vlan: 30, cidr: 10.2.64.0/20, mtu: 9000 }", "          address: 10.1.0.12\n",
                "    api_vip: 10.1.160.20 ", "  k3s-w-2: { node: pve2, profile: k3s-agent, address: { servers: 10.1.160.32,"
                        + " storage: 10.2.64.32 } }");
        assertThat(compileOnceFinished("site.yaml").diagnostics()).isEmpty();

        assertThat(run("init", "--cidr", "192.168.8.0/27", "-f", "small.yaml").exit()).isZero();
        assertThat(Files.readString(dir.resolve("small.yaml"))).contains(
                "  lan: { cidr: 192.168.8.0/27, gateway: 192.168.8.1, dns: [192.168.8.1] }",
                "  web: { node: pve1, image: debian, address: { lan: 192.168.8.20 } }");
        assertThat(compileOnceFinished("small.yaml").diagnostics()).isEmpty();
    }

    @Test
    void aNetworkTooSmallForTheShapeIsRefusedWithWhatItNeeds() {
        assertThat(run("init", "--cidr", "192.168.1.0/28").err()).isEqualTo("sitec: --cidr 192.168.1.0/28 is too small for the"
                + " minimal shape: it has 14 addresses for hosts, and the starter numbers them up to 20 (the gateway 1, the"
                + " nodes from 11, the VM web 20); give a /27 or larger\n");
        assertThat(run("init", "--homelab", "--cidr", "192.168.1.0/27").err()).isEqualTo("sitec: --cidr 192.168.1.0/27 is too"
                + " small for the homelab shape: it has 30 addresses for hosts, and the starter numbers them up to 49 (the"
                + " gateway 1, the nodes from 11, the K3s agents from 31, the load balancer's 40 to 49); give a /26 or larger\n");
        assertThat(run("init", "--homelab", "--cidr", "192.168.0.0/16").err()).isEqualTo("sitec: --cidr 192.168.0.0/16 leaves"
                + " no room for the servers and storage VLANs (they would be 192.178.0.0/16 and 192.188.0.0/16, outside"
                + " 192.168.0.0/16): choose a lower network or a smaller one\n");
        assertThat(run("init", "--cidr", "0.0.0.0/0").err()).isEqualTo("sitec: --cidr 0.0.0.0/0 is larger than a lab's"
                + " network: give a /8 or a smaller one, such as 10.0.0.0/8 or 192.168.1.0/24\n");
        assertThat(dir.resolve("site.yaml")).doesNotExist();
    }

    /** Issue 25: -f into a folder that exists works (the schema goes beside it), and one that does not is named. */
    @Test
    void aSiteInAnotherFolderGetsItsSchemaBesideItAndNextCarriesTheFile() throws Exception {
        Files.createDirectories(dir.resolve("lab"));
        CliTest.Run run = run("init", "-f", "lab/x.yaml");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("wrote lab/x.yaml (minimal, 1 Proxmox node, home.arpa, 192.168.1.0/24) and"
                + " lab/site.schema.json, its schema for an editor\n"
                + "next: put in your SSH public key and password hash (sitec validate -f lab/x.yaml shows where and how),"
                + " then sitec generate -f lab/x.yaml\n");
        assertThat(Files.readString(dir.resolve("lab/x.yaml"))).startsWith("# yaml-language-server: $schema=./site.schema.json\n");
        assertThat(dir.resolve("lab/site.schema.json")).exists();

        CliTest.Run second = run("init", "-f", "lab/y.yaml");
        assertThat(second.out()).startsWith("wrote lab/y.yaml (minimal, 1 Proxmox node, home.arpa, 192.168.1.0/24);"
                + " lab/site.schema.json is its schema already\n");

        Files.writeString(dir.resolve("lab/site.schema.json"), "{}\n");
        CliTest.Run mine = run("init", "-f", "lab/z.yaml");
        assertThat(mine.exit()).isZero();
        assertThat(mine.err()).isEqualTo("sitec: kept lab/site.schema.json, which is not this sitec's schema; sitec schema"
                + " --print > lab/site.schema.json replaces it\n");
        assertThat(dir.resolve("lab/site.schema.json")).hasContent("{}");

        CliTest.Run missing = run("init", "-f", "nowhere/x.yaml");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).isEqualTo("sitec: cannot write nowhere/x.yaml: there is no folder nowhere\n"
                + "    hint: make it first (mkdir -p nowhere), or name a file in a folder that exists\n");
        assertThat(dir.resolve("nowhere")).doesNotExist();
    }

    @Test
    void answersThatCannotMakeASiteAreUsageErrors() {
        assertThat(run("init", "--cidr", "10.0.0.5/24").err()).isEqualTo(
                "sitec: --cidr 10.0.0.5/24 is not a network's first address: the network it is in is 10.0.0.0/24\n");
        assertThat(run("init", "--cidr", "10.0.0.0").err()).isEqualTo(
                "sitec: --cidr 10.0.0.0 is not an IPv4 network such as 192.168.1.0/24\n");
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
