package dev.sitec.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class DaemonLauncherTest {

    @TempDir
    Path dir;

    @Test
    void startsADetachedDaemonAndReturnsOnceItListens() throws Exception {
        DaemonAddress address = DaemonAddress.of("echo", Optional.of(dir.toString()), "/jdk", "17").orElseThrow();
        assertThat(address.preparePrivateFolder()).isEmpty();
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), EchoDaemon.class.getName(), address.socket().toString());

        assertThat(DaemonLauncher.start(address, command, Duration.ofSeconds(30))).isTrue();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Request request = new Request("echo", dir, List.of("generate", "-o", "x"), Map.of(), "UTF-8");
        assertThat(DaemonClient.run(address.socket(), request, out, new ByteArrayOutputStream())).hasValue(0);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("generate -o x\n");

        // It stops on its own when idle, and takes its socket with it.
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (address.socket().toFile().exists() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(address.socket()).doesNotExist();
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES) // a hang guard: waiting out the hour below would fail it
    void aDaemonThatCannotStartIsNotWaitedFor() {
        DaemonAddress address = DaemonAddress.of("none", Optional.of(dir.toString()), "/jdk", "17").orElseThrow();
        address.preparePrivateFolder();
        // The process ends at once without listening: the launcher stops waiting then, not after the hour.
        assertThat(DaemonLauncher.start(address, List.of("false"), Duration.ofHours(1))).isFalse();
        assertThat(DaemonLauncher.start(address, List.of("/nonexistent/java"), Duration.ofHours(1))).isFalse();
    }
}
