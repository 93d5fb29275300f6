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

/** What a person reads: generate's summary by family with the next command, and colour only at a terminal. */
class PersonFacingOutputTest {

    @TempDir
    Path dir;

    private CliTest.Run run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = SitecCommand.run(args, new Invocation(dir, env, new PrintWriter(out, true), new PrintWriter(err, true)));
        return new CliTest.Run(exit, out.toString(), err.toString());
    }

    @Test
    void generateSaysWhatChangedByFamilyAndWhatToRunNext() throws Exception {
        Map<String, String> env = Map.of("SITEC_NO_STAMP", "1");
        BrokenSite.reference().writeTo(dir);
        CliTest.Run first = run(env, "generate");
        assertThat(first.out()).startsWith("generated: 191 files written, 0 unchanged, 0 deleted\n")
                .contains("\n  ansible     ", "\n  flux        ", "\n  terraform   ")
                .endsWith("next: follow generated/RUNBOOK.md from its first stage (make -C generated help lists them)\n");
        Files.writeString(dir.resolve("site.yaml"), BrokenSite.reference()
                .replace("    cores: 2\n    memory_mib: 4096", "    cores: 4\n    memory_mib: 4096").text());
        CliTest.Run edited = run(env, "generate");
        // A Terraform change is applied by the runbook's guests stage (which runs init first).
        assertThat(edited.out()).isEqualTo("generated: 3 files written, 188 unchanged, 0 deleted\n"
                + "  terraform   1 written, 21 unchanged, 0 deleted\n"
                + "  tree        2 written, 4 unchanged, 0 deleted\n"
                + "next: make -C generated guests (Terraform shows its plan and asks before it applies)\n");
        assertThat(run(env, "generate").out()).isEqualTo("generated: 0 files written, 191 unchanged, 0 deleted\n");
    }

    @Test
    void findingsAreColouredAtATerminalUnlessNoColorIsSet() {
        BrokenSite.reference().replace("k3s-cp-1: { node: pve1", "k3s-cp-1: { node: pve9").writeTo(dir);
        CliTest.Run plain = run(Map.of(), "validate");
        assertThat(plain.err()).contains(": error: vm 'k3s-cp-1'").doesNotContain("\u001b[");
        CliTest.Run terminal = run(Map.of("SITEC_TERMINAL", "1"), "validate");
        assertThat(terminal.err()).contains(": \u001b[1;31merror\u001b[0m: vm 'k3s-cp-1' refers to unknown node 'pve9'");
        CliTest.Run noColor = run(Map.of("SITEC_TERMINAL", "1", "NO_COLOR", "1"), "validate");
        assertThat(noColor.err()).isEqualTo(plain.err());
    }
}
