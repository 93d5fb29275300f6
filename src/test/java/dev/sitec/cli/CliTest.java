package dev.sitec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitec.BrokenSite;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands as a user runs them: exit codes, messages, and no stack trace for bad input. */
class CliTest {

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    static Run sitec(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = SitecCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void validateAcceptsTheReferenceSite() {
        Run run = sitec("validate", "-f", "site.yaml");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo("site.yaml is valid (sitec.dev/v1)\n");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void validatePrintsLocatedErrorsAndExitsOne() {
        Path file = BrokenSite.reference().replace("k3s-cp-1: { node: pve1", "k3s-cp-1: { node: pve9").writeTo(dir);
        Run run = sitec("validate", "--file", file.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).startsWith(file + ":").contains(": error: vm 'k3s-cp-1' refers to unknown node 'pve9'\n"
                + "    hint: did you mean 'pve1'?\n1 error, 0 warnings\n");
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    /** From the fuzzing run: 10^6 broken VMs printed 1.5 million errors. A person gets the first hundred and the count. */
    @Test
    void theFirstHundredFindingsArePrintedAndTheRestCounted() throws Exception {
        StringBuilder vms = new StringBuilder("\n");
        for (int i = 0; i < 150; i++) {
            vms.append("  extra-").append(i).append(": { node: pve9 }\n");
        }
        Path file = BrokenSite.reference().replace("\nprofiles:", vms + "\nprofiles:").writeTo(dir);
        Run run = sitec("validate", "--file", file.toString());
        assertThat(run.exit()).isEqualTo(1);
        List<String> lines = run.err().lines().toList();
        assertThat(lines.stream().filter(l -> l.contains(": error: ")).count()).isEqualTo(Console.SHOWN);
        assertThat(lines.get(lines.size() - 2)).matches("\\.\\.\\. and \\d+ more");
        assertThat(lines.get(lines.size() - 1)).matches("\\d+ errors, 0 warnings");
        int total = Integer.parseInt(lines.get(lines.size() - 1).split(" ")[0]);
        assertThat(lines.get(lines.size() - 2)).isEqualTo("... and " + (total - Console.SHOWN) + " more");
        assertThat(total).isGreaterThanOrEqualTo(150);
    }

    @Test
    void garbageInputGetsAnErrorNotAStackTrace() throws Exception {
        for (String garbage : new String[] {"[1, 2", "just a string", "- a\n- b\n", "{}", "\u0000\u0001", "site: ~\n"}) {
            Path file = dir.resolve("garbage.yaml");
            Files.writeString(file, garbage);
            Run run = sitec("generate", "-f", file.toString(), "-o", dir.resolve("out").toString());
            assertThat(run.exit()).as(garbage).isEqualTo(1);
            assertThat(run.err()).as(garbage).contains("error:").doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(dir.resolve("out")).doesNotExist();
        }
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(sitec("frobnicate").exit()).isEqualTo(2);
        assertThat(sitec().exit()).isEqualTo(2);
        assertThat(sitec("generate", "--nope").exit()).isEqualTo(2);
    }

    @Test
    void relativePathsAreTheInvocationsNotTheJvmsWorkingDirectory() throws Exception {
        // What the daemon relies on: it serves clients from many folders in one JVM.
        Files.copy(Path.of("site.yaml"), dir.resolve("site.yaml"));
        Files.writeString(dir.resolve("broken.yaml"), "site: { name: x }\nnope: 1\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Invocation there = new Invocation(dir, Map.of("SITEC_NO_STAMP", "1"), new PrintWriter(out, true),
                new PrintWriter(err, true));

        assertThat(SitecCommand.run(new String[] {"generate", "-o", "out-of-test"}, there)).isZero();
        assertThat(out.toString()).startsWith("out-of-test: 191 files written, ");
        assertThat(dir.resolve("out-of-test/terraform")).isDirectory();
        assertThat(Path.of("out-of-test")).doesNotExist();
        // Flux reads generated/flux beside site.yaml: a tree written elsewhere is warned about, with its paths.
        assertThat(err.toString()).contains("this run writes it to out-of-test/flux");
        err.getBuffer().setLength(0);

        assertThat(SitecCommand.run(new String[] {"validate", "-f", "broken.yaml"}, there)).isEqualTo(1);
        assertThat(err.toString()).startsWith("broken.yaml:1:1: error: site is missing the required key")
                .contains("broken.yaml:2:1: error: unknown key 'nope'");
    }

    @Test
    void helpListsEveryCommandAndEachCommandHasItsOwn() {
        Run help = sitec("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("Commands:\n  init        ", "\n  generate    ", "\n  plan        ",
                "\n  check       ", "\n  validate    ", "\n  migrate     ", "\n  schema      ", "\n  completion  ",
                "\n  daemon      ");
        Run generateHelp = sitec("generate", "--help");
        assertThat(generateHelp.exit()).isZero();
        assertThat(generateHelp.out()).startsWith("Usage: sitec generate ").contains("-f, --file=FILE", "-o, --output=DIR");
        assertThat(sitec("validate", "-h").out()).startsWith("Usage: sitec validate ");
    }

    @Test
    void aMistypedCommandIsNamedWithTheOnesThatExist() {
        Run run = sitec("generat");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("Unmatched argument at index 0: 'generat'", "Did you mean: sitec generate");
    }

    @Test
    void generateThenCheckThenGenerateAgainChangesNothing() throws Exception {
        Path out = dir.resolve("gen");
        Run first = sitec("generate", "-o", out.toString());
        assertThat(first.exit()).isZero();
        assertThat(sitec("check", "-o", out.toString()).exit()).isZero();
        Run second = sitec("generate", "-o", out.toString());
        assertThat(second.out()).contains(" 0 files written,").contains(" 0 deleted");
    }

    @Test
    void checkFailsAndListsStaleFiles() throws Exception {
        Path out = dir.resolve("gen");
        sitec("generate", "-o", out.toString());
        Files.writeString(out.resolve("README.md"), "edited by hand\n");
        Run run = sitec("check", "-o", out.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains(out.resolve("README.md") + ": edited by hand (its bytes are not those sitec wrote)\n")
                .contains("is stale: 1 file differ");
    }

    /** Issue 25: one file "differs", two "differ"; check's advice is the command that mends the tree, as named. */
    @Test
    void checkCountsInWordsAndNamesTheCommandThatMendsTheTree() throws Exception {
        Path out = dir.resolve("gen");
        sitec("generate", "-o", out.toString());
        Files.delete(out.resolve("README.md"));
        Run one = sitec("check", "-o", out.toString());
        assertThat(one.err()).isEqualTo(out.resolve("README.md") + ": missing\n"
                + out + " is stale: 1 file differs from site.yaml; run sitec generate -o " + out + "\n");
        Files.delete(out.resolve("RUNBOOK.md"));
        Run two = sitec("check", "-o", out.toString());
        assertThat(two.err()).endsWith(out + " is stale: 2 files differ from site.yaml; run sitec generate -o " + out + "\n");
    }

    /**
     * Issue 25: check and generate give the same advice for a file edited by hand (a bare "run
     * generate" would only be refused), and generate --force keeps a copy of what it overwrites.
     */
    @Test
    void checkAndGenerateAgreeOnAHandEditAndForceKeepsACopy() throws Exception {
        Path out = dir.resolve("gen");
        sitec("generate", "-o", out.toString());
        Files.writeString(out.resolve("README.md"), "edited by hand\n");
        Files.delete(out.resolve("RUNBOOK.md"));
        String advice = "    hint: make the change in site.yaml (or move your copy away), then run sitec generate -o " + out
                + "; sitec generate --force -o " + out + " overwrites it and keeps a copy in " + out + ".sitec-edited/\n";

        Run check = sitec("check", "-o", out.toString());
        assertThat(check.exit()).isEqualTo(1);
        assertThat(check.err()).isEqualTo(out.resolve("README.md") + ": edited by hand (its bytes are not those sitec wrote)\n"
                + out.resolve("RUNBOOK.md") + ": missing\n"
                + out + " is stale: 2 files differ from site.yaml, 1 of them edited by hand\n" + advice);

        Run refused = sitec("generate", "-o", out.toString());
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).endsWith(out.resolve("README.md") + ": edited by hand\n"
                + "nothing written: " + out + " is as it was; generate would overwrite 1 file edited by hand\n" + advice);

        Run forced = sitec("generate", "--force", "-o", out.toString());
        assertThat(forced.exit()).as(forced.err()).isZero();
        assertThat(forced.out()).matches("(?s)kept a copy of the file edited by hand in " + java.util.regex.Pattern.quote(
                out + ".sitec-edited/") + "\\d{8}T\\d{6}Z/: README.md\n" + java.util.regex.Pattern.quote(out + ": 2 files written,") + ".*");
        try (var kept = Files.list(dir.resolve("gen.sitec-edited"))) {
            Path copy = kept.findFirst().orElseThrow().resolve("README.md");
            assertThat(copy).hasContent("edited by hand");
        }
        assertThat(Files.readString(out.resolve("README.md"))).doesNotContain("edited by hand");
        // The copy is no file of the tree's: the next runs neither refuse over it nor touch it.
        assertThat(sitec("check", "-o", out.toString()).exit()).isZero();
        assertThat(sitec("generate", "-o", out.toString()).out()).contains(": 0 files written,");
        assertThat(dir.resolve("gen.sitec-edited")).isDirectory();
    }

    /** The copies' folder is never reached through a link or written over a file: force then writes nothing. */
    @Test
    void forceWritesNothingWhenItCannotKeepTheCopies() throws Exception {
        Path out = dir.resolve("gen");
        sitec("generate", "-o", out.toString());
        Files.writeString(out.resolve("README.md"), "edited by hand\n");
        Files.createSymbolicLink(dir.resolve("gen.sitec-edited"), Files.createDirectories(dir.resolve("elsewhere")));
        Run forced = sitec("generate", "--force", "-o", out.toString());
        assertThat(forced.exit()).isEqualTo(1);
        assertThat(forced.err()).endsWith("sitec: cannot write " + out + ": " + dir.resolve("gen.sitec-edited")
                + " is not a folder: generate --force keeps the copies of edited files there; move it away\n"
                + "nothing written: " + out + " is as it was\n");
        assertThat(out.resolve("README.md")).hasContent("edited by hand");
        assertThat(dir.resolve("elsewhere")).isEmptyDirectory();
    }

    @Test
    void generateKeepsAHandEditUnlessForced() throws Exception {
        Path out = dir.resolve("gen");
        sitec("generate", "-o", out.toString());
        Files.writeString(out.resolve("README.md"), "edited by hand\n");
        Run refused = sitec("generate", "-o", out.toString());
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains(out.resolve("README.md") + ": edited by hand\n")
                .contains("nothing written: " + out + " is as it was; generate would overwrite 1 file edited by hand")
                .contains("generate --force -o " + out + " overwrites it");
        assertThat(out.resolve("README.md")).hasContent("edited by hand");
        Run forced = sitec("generate", "--force", "-o", out.toString());
        assertThat(forced.exit()).as(forced.err()).isZero();
        assertThat(Files.readString(out.resolve("README.md"))).doesNotContain("edited by hand");
    }

    @Test
    void aFailedGenerateLeavesThePreviousTree() throws Exception {
        Path out = dir.resolve("gen");
        sitec("generate", "-o", out.toString());
        String before = Files.readString(out.resolve("README.md"));
        Path broken = BrokenSite.reference().replace("vlan: 30", "vlan: 20").writeTo(dir);
        Run run = sitec("generate", "-f", broken.toString(), "-o", out.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("nothing written: " + out + " is as it was");
        assertThat(out.resolve("README.md")).hasContent(before.stripTrailing());
    }
}
