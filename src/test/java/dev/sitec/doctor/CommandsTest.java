package dev.sitec.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** doctor runs the person's ssh and git: a command that hangs or floods cannot hold it. */
class CommandsTest {

    private static final Map<String, String> PATH = Map.of("PATH", "/usr/bin:/bin");

    @Test
    void aCommandThatDoesNotEndIsStoppedAtItsDeadline() {
        long start = System.nanoTime();
        Commands.Result result = new Commands(PATH, 1).run(List.of("sh", "-c", "sleep 30 & sleep 30"), Map.of());
        assertThat(result).isEqualTo(new Commands.Result(-1, "did not answer in 1 s"));
        assertThat((System.nanoTime() - start) / 1_000_000_000).isLessThan(10);
    }

    @Test
    void aFloodIsKeptToItsLastFourKibibytes() {
        Commands.Result result = new Commands(PATH, 20).run(List.of("sh", "-c", "yes flood | head -c 10000000; echo; echo the end"),
                Map.of());
        assertThat(result.exit()).isZero();
        assertThat(result.out()).endsWith("\nthe end").hasSizeLessThanOrEqualTo(4096);
    }

    @Test
    void theProgramIsFoundOnTheRunsPathNotSitecsOwn() {
        Commands.Result result = new Commands(Map.of("PATH", "/nonexistent"), 5).run(List.of("sh", "-c", "true"), Map.of());
        assertThat(result.exit()).isEqualTo(-1);
        assertThat(result.out()).isEqualTo("cannot run sh: it is not on PATH");
    }
}
