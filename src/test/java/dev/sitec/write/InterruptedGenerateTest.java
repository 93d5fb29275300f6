package dev.sitec.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash consistency, with real `kill -9`: sitec generates two very different sites into one folder
 * in turn, each run killed at a random moment; after each kill, `check` says what it finds (never a
 * crash), and the next complete `generate` leaves exactly the tree a fresh run makes, with no commit
 * record and no staging folder left behind. The random seed is printed, so a failure can be replayed
 * (-Dsitec.crash.seed=N); -Dsitec.crash.runs=N runs more. It goes on until two runs were killed
 * inside their commit (within a bound), and fails if none was: then it proved nothing.
 */
class InterruptedGenerateTest {

    private static final List<Path> SITES = List.of(Path.of("site.yaml"), Path.of("sites/real-labs.yaml"));

    /** The pause after each rename in the slowed runs. */
    private static final int PAUSE_MILLIS = 20;

    @TempDir
    Path dir;

    private record Run(int exit, String output) {
    }

    private Run sitec(boolean kill, long killAfterMillis, String... args) throws Exception {
        return sitec(kill, killAfterMillis, 0, args);
    }

    private Run sitec(boolean kill, long killAfterMillis, int pauseMillis, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "dev.sitec.cli.SitecCommand"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put("SITEC_DAEMON", "0");
        builder.environment().put("SITEC_NO_STAMP", "1");
        builder.environment().put("XDG_CACHE_HOME", dir.resolve("cache").toString());
        if (pauseMillis > 0) {
            builder.environment().put("SITEC_FAULT_COMMIT_PAUSE_MS", String.valueOf(pauseMillis));
        }
        Path log = Files.createTempFile(dir, "run", ".log");
        builder.redirectOutput(log.toFile());
        Process process = builder.start();
        if (kill && !process.waitFor(killAfterMillis, TimeUnit.MILLISECONDS)) {
            process.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no finally
        }
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("sitec did not finish: " + String.join(" ", args));
        }
        return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private static Map<String, byte[]> tree(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }

    @Test
    void aGenerateKilledAnywhereIsFinishedByTheNextOne() throws Exception {
        long seed = Long.getLong("sitec.crash.seed", System.nanoTime());
        // At least this many runs, and on until two were killed inside a commit (at most four times as many).
        int runs = Integer.getInteger("sitec.crash.runs", 6);
        System.out.println("InterruptedGenerateTest seed " + seed);
        Random random = new Random(seed);
        for (int i = 0; i < SITES.size(); i++) {
            // Switching sites deletes the other's pets, which generate refuses unless they allow it.
            Files.writeString(dir.resolve("site-" + i + ".yaml"), Files.readString(SITES.get(i))
                    .replaceAll("(?m)^    lifecycle: \"?pet\"?[^\n]*\n", "    lifecycle: pet\n    allow_replace: true\n"));
            Run fresh = sitec(false, 0, "generate", "-f", "site-" + i + ".yaml", "-o", "fresh-" + i);
            assertThat(fresh.exit()).as(fresh.output()).isZero();
        }
        List<Map<String, byte[]>> expected = List.of(tree(dir.resolve("fresh-0")), tree(dir.resolve("fresh-1")));
        Run first = sitec(false, 0, "generate", "-f", "site-0.yaml", "-o", "out");
        assertThat(first.exit()).as(first.output()).isZero();
        // How long a slowed run takes, switching sites both ways: the kills are spread over that.
        long started = System.nanoTime();
        for (String site : List.of("site-1.yaml", "site-0.yaml")) {
            Run slowed = sitec(false, 0, PAUSE_MILLIS, "generate", "-f", site, "-o", "out");
            assertThat(slowed.exit()).as(slowed.output()).isZero();
        }
        long slowRun = (System.nanoTime() - started) / 2_000_000;
        int interrupted = 0;
        int run = 0;
        for (; run < runs || (interrupted < 2 && run < 4 * runs); run++) {
            int site = (run + 1) % 2;
            String file = "site-" + site + ".yaml";
            // Half the runs pause after each rename (SITEC_FAULT_COMMIT_PAUSE_MS), stretching the
            // commit to a second or two so that the kill lands inside it; the others run at full speed.
            boolean slow = run % 2 == 0;
            long killAfter = slowRun / 2 + random.nextInt((int) Math.max(1, slowRun / 2));
            Run killed = sitec(true, killAfter, slow ? PAUSE_MILLIS : 0, "generate", "-f", file, "-o", "out");
            String context = "run " + run + " (seed " + seed + ", killed after " + killAfter + " ms)";
            Run check = sitec(false, 0, "check", "-f", file, "-o", "out");
            assertThat(check.exit()).as(context + ": " + check.output()).isIn(0, 1);
            assertThat(check.output()).as(context).doesNotContain("Exception").doesNotContain("\tat ");
            if (CommitJournal.present(dir.resolve("out"))) {
                interrupted++;
                assertThat(check.output()).as(context).contains("an interrupted generate left its commit unfinished");
            }
            Run next = sitec(false, 0, "generate", "-f", file, "-o", "out");
            assertThat(next.exit()).as(context + " then generate: " + next.output() + "\nkilled run: " + killed.output()).isZero();
            Map<String, byte[]> actual = tree(dir.resolve("out"));
            assertThat(actual.keySet()).as(context).isEqualTo(expected.get(site).keySet());
            actual.forEach((path, bytes) -> assertThat(bytes).as(context + ": " + path).isEqualTo(expected.get(site).get(path)));
            assertThat(CommitJournal.leftoverStaging(dir.resolve("out").toAbsolutePath())).as(context).isEmpty();
            assertThat(sitec(false, 0, "check", "-f", file, "-o", "out").exit()).as(context).isZero();
        }
        System.out.println("InterruptedGenerateTest: " + run + " runs, " + interrupted + " killed mid-commit");
        assertThat(interrupted).as("runs killed inside a commit (seed " + seed + ")").isPositive();
    }
}
