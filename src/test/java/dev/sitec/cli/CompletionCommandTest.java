package dev.sitec.cli;

import static dev.sitec.cli.CliTest.sitec;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sitec completion: the script picocli writes, run in a real bash, completes commands and options. */
class CompletionCommandTest {

    @TempDir
    Path dir;

    /** What bash offers for {@code line} (the cursor at its end), with the script loaded. */
    private String complete(String line) throws Exception {
        Path script = dir.resolve("sitec.bash");
        Files.writeString(script, sitec("completion", "bash").out());
        String words = "(" + line + (line.endsWith(" ") ? "''" : "") + ")";
        String program = "source " + script + "; COMP_WORDS=" + words + "; COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ));"
                + " COMP_LINE='" + line + "'; COMP_POINT=${#COMP_LINE}; _complete_sitec 2>/dev/null; echo \"${COMPREPLY[*]}\"";
        // compopt says it runs outside a real completion; that goes to /dev/null, not into the answer.
        Process bash = new ProcessBuilder("bash", "-c", program).redirectErrorStream(true).start();
        String out = new String(bash.getInputStream().readAllBytes()).strip();
        assertThat(bash.waitFor()).as(out).isZero();
        return out;
    }

    @Test
    void bashCompletesCommands() throws Exception {
        assertThat(complete("sitec pl")).isEqualTo("plan");
        assertThat(complete("sitec mi")).isEqualTo("migrate");
    }

    @Test
    void bashCompletesACommandsOptions() throws Exception {
        assertThat(complete("sitec plan --fa")).isEqualTo("--fail-on");
        assertThat(complete("sitec generate --fo")).isEqualTo("--force");
    }

    @Test
    void zshLoadsBashCompletionFirst() {
        CliTest.Run run = sitec("completion", "zsh");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("autoload -U +X compinit && compinit\nautoload -U +X bashcompinit && bashcompinit\n")
                .contains("complete -F _complete_sitec");
    }

    @Test
    void anotherShellIsAUsageError() {
        CliTest.Run run = sitec("completion", "fish");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("Invalid value for positional parameter at index 0 (SHELL): expected one of [bash, zsh]");
    }
}
