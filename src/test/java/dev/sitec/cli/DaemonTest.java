package dev.sitec.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.security.auth.module.UnixSystem;
import dev.sitec.daemon.DaemonAddress;
import dev.sitec.daemon.DaemonClient;
import dev.sitec.daemon.DaemonServer;
import dev.sitec.daemon.Request;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The command line's use of the daemon: when it is used, and that a run it serves is the same run. */
class DaemonTest {

    @TempDir
    Path dir;

    @Test
    void onByDefaultOffInCiAndSitecDaemonDecidesOverBoth() {
        assertThat(Daemon.setting(Map.of()).on()).isTrue();
        assertThat(Daemon.setting(Map.of("CI", "true")).on()).isFalse();
        assertThat(Daemon.setting(Map.of("CI", "false")).on()).isTrue();
        assertThat(Daemon.setting(Map.of("CI", "true", "SITEC_DAEMON", "1")).on()).isTrue();
        for (String off : List.of("0", "false", "no", "off", "OFF")) {
            assertThat(Daemon.setting(Map.of("SITEC_DAEMON", off)).on()).as(off).isFalse();
        }
        assertThat(Daemon.setting(Map.of("CI", "true")).reason()).isEqualTo("CI=true; SITEC_DAEMON=1 turns it on");
        assertThat(Daemon.enabled(new String[] {"daemon", "stop"}, Map.of("SITEC_DAEMON", "1"))).isFalse();
        assertThat(Daemon.enabled(new String[] {"generate"}, Map.of("SITEC_DAEMON", "1"))).isTrue();
    }

    @Test
    void statusSaysWhetherRunsUseADaemonAndWhyNot() throws IOException {
        Map<String, String> environment = Map.of("XDG_RUNTIME_DIR", dir.toString(), "CI", "true");
        assertThat(daemonCommand("status", environment)).isEqualTo(
                "runs here use a daemon: no (CI=true; SITEC_DAEMON=1 turns it on)\nno sitec daemon is running\n");

        Files.createDirectories(dir.resolve("sitec"));
        Files.setPosixFilePermissions(dir.resolve("sitec"), PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(daemonCommand("status", Map.of("XDG_RUNTIME_DIR", dir.toString()))).isEqualTo(
                "runs here use a daemon: yes (the default outside CI; SITEC_DAEMON=0 turns it off)\n"
                        + "but no daemon is used: " + dir.resolve("sitec") + " is not private to its user (mode 755);"
                        + " chmod 700 it\nno sitec daemon is running\n");
        assertThat(daemonCommand("stop", environment)).isEqualTo("no daemon stopped: " + dir.resolve("sitec")
                + " is not private to its user (mode 755); chmod 700 it\n");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS) // a client that sent a request would wait for the answer
    void statusAndStopLeaveTheSocketsInAFolderOfAnotherUserAlone() throws Exception {
        assumeRoot();
        Map<String, String> environment = Map.of("XDG_RUNTIME_DIR", dir.toString());
        DaemonAddress address = Daemon.address("b", environment).orElseThrow();
        assertThat(address.preparePrivateFolder()).isEmpty();
        try (ServerSocketChannel fake = fakeDaemon(address.socket())) {
            giveAway(address.folder());
            String why = address.folder() + " belongs to nobody, not to you";
            assertThat(daemonCommand("status", environment)).contains("but no daemon is used: " + why + "\n")
                    .contains("no sitec daemon is running");
            assertThat(daemonCommand("stop", environment)).isEqualTo("no daemon stopped: " + why + "\n");
            assertThat(fake.accept()).isNull();
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS) // a client that sent a request would wait for the answer
    void aRunWhoseDaemonFolderIsAnotherUsersSaysSoOnceAndRunsHereSendingNothing() throws Exception {
        assumeRoot();
        Map<String, String> environment = Map.of("XDG_RUNTIME_DIR", dir.toString(),
                "PROXMOX_VE_API_TOKEN", "root@pam!t=secret");
        DaemonAddress address = Daemon.address("b", environment).orElseThrow();
        assertThat(address.preparePrivateFolder()).isEmpty();
        try (ServerSocketChannel fake = fakeDaemon(address.socket())) {
            giveAway(address.socket());
            giveAway(address.folder());
            StringWriter err = new StringWriter();
            List<DaemonAddress> launched = new ArrayList<>();

            OptionalInt served = Daemon.tryRun(new String[] {"validate"}, invocation(environment, err), "b",
                    launched::add);

            assertThat(served).isEmpty();
            assertThat(err).hasToString("sitec: running without the daemon: " + address.folder()
                    + " belongs to nobody, not to you\n");
            assertThat(launched).isEmpty();
            assertThat(fake.accept()).isNull();
        }
    }

    @Test
    void theDaemonIsSentTheVariablesSitecReadsAndNoOthers() throws Exception {
        Map<String, String> environment = Map.of("XDG_RUNTIME_DIR", dir.toString(), "SITEC_NO_STAMP", "1",
                "NO_COLOR", "1", "PATH", "/usr/bin", "AWS_SECRET_ACCESS_KEY", "aws-secret",
                "PROXMOX_VE_API_TOKEN", "root@pam!t=secret");
        DaemonAddress address = Daemon.address("b", environment).orElseThrow();
        assertThat(address.preparePrivateFolder()).isEmpty();
        List<Map<String, String>> received = new ArrayList<>();
        CompletableFuture<Void> serving = new DaemonServer(address.socket(), "b", (request, out, err) -> {
            received.add(request.environment());
            return 0;
        }, new DaemonServer.Lifetime(Duration.ofMinutes(1), () -> false, () -> { })).serveInBackground();

        OptionalInt served = Daemon.tryRun(new String[] {"validate"}, invocation(environment, new StringWriter()), "b",
                a -> false);
        DaemonClient.stop(address.socket());
        serving.get(10, TimeUnit.SECONDS);

        assertThat(served).hasValue(0);
        assertThat(received).containsExactly(Map.of("XDG_RUNTIME_DIR", dir.toString(), "SITEC_NO_STAMP", "1",
                "NO_COLOR", "1"));
        assertThat(Invocation.VARIABLES).containsAll(received.get(0).keySet());
    }

    @Test
    void importAndAnArgumentFileAlwaysRunHereSoTheirTokenIsNeverSent() {
        Map<String, String> on = Map.of("SITEC_DAEMON", "1");
        assertThat(Daemon.enabled(new String[] {"import", "--api", "https://pve:8006"}, on)).isFalse();
        assertThat(Daemon.enabled(new String[] {"@args.txt"}, on)).isFalse();
        assertThat(Daemon.request("b", new String[] {"generate"}, invocation(Map.of("PROXMOX_VE_API_TOKEN", "t",
                "SITEC_DEBUG", "1"), new StringWriter())).environment()).isEqualTo(Map.of("SITEC_DEBUG", "1"));
    }

    private Invocation invocation(Map<String, String> environment, StringWriter err) {
        return new Invocation(dir, environment, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    }

    private static ServerSocketChannel fakeDaemon(Path socket) throws IOException {
        ServerSocketChannel fake = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        fake.bind(UnixDomainSocketAddress.of(socket));
        fake.configureBlocking(false);
        return fake;
    }

    private static void giveAway(Path path) throws IOException {
        Files.setAttribute(path, "unix:uid", 65534, LinkOption.NOFOLLOW_LINKS);
    }

    private static void assumeRoot() {
        assumeTrue(new UnixSystem().getUid() == 0, "only root can hand a folder to another user");
    }

    private static String daemonCommand(String action, Map<String, String> environment) {
        StringWriter out = new StringWriter();
        int exit = SitecCommand.run(new String[] {"daemon", action}, new Invocation(Path.of("").toAbsolutePath(),
                environment, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true)));
        assertThat(exit).isZero();
        return out.toString();
    }

    @Test
    void theIdleTimeoutIsThreeHoursUnlessSetInMinutes() {
        assertThat(Daemon.idleTimeout(Map.of())).isEqualTo(Duration.ofHours(3));
        assertThat(Daemon.idleTimeout(Map.of("SITEC_DAEMON_IDLE_MINUTES", "15"))).isEqualTo(Duration.ofMinutes(15));
        assertThat(Daemon.idleTimeout(Map.of("SITEC_DAEMON_IDLE_MINUTES", "soon"))).isEqualTo(Duration.ofHours(3));
        assertThat(Daemon.idleTimeout(Map.of("SITEC_DAEMON_IDLE_MINUTES", "-5"))).isEqualTo(Duration.ofHours(3));
    }

    @Test
    void theDaemonJvmUsesTheBuildsArchiveOnlyWhenItIsCurrent() throws IOException {
        Path jar = Files.writeString(dir.resolve("sitec.jar"), "jar");
        Path archive = Files.writeString(dir.resolve("sitec.jsa"), "archive");
        var address = Daemon.address("b", Map.of("XDG_RUNTIME_DIR", dir.toString())).orElseThrow();
        Files.setLastModifiedTime(jar, FileTime.fromMillis(1_000_000));
        Files.setLastModifiedTime(archive, FileTime.fromMillis(2_000_000));
        List<String> command = Daemon.command(address, jar);
        assertThat(command).contains("-XX:SharedArchiveFile=" + archive, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")
                .endsWith("-cp", jar.toString(), DaemonMain.class.getName(), address.socket().toString());
        Files.setLastModifiedTime(archive, FileTime.fromMillis(500_000));
        assertThat(Daemon.command(address, jar)).noneMatch(option -> option.startsWith("-XX:SharedArchiveFile"));
    }

    @Test
    void aRunTheDaemonServesIsTheRunTheClientWouldHaveMade() throws Exception {
        Path socket = dir.resolve("d.sock");
        DaemonServer server = new DaemonServer(socket, "build", DaemonMain::run,
                new DaemonServer.Lifetime(Duration.ofMinutes(1), () -> false, () -> { }));
        CompletableFuture<Void> serving = server.serveInBackground();
        Path client = Files.createDirectories(dir.resolve("client"));
        Path local = Files.createDirectories(dir.resolve("local"));
        for (Path folder : List.of(client, local)) {
            Files.copy(Path.of("site.yaml"), folder.resolve("site.yaml"));
        }
        Map<String, String> environment = Map.of("SITEC_NO_STAMP", "1");
        String[] args = {"generate", "-o", "out"};

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        OptionalInt served = DaemonClient.run(socket, new Request("build", client, List.of(args), environment, "UTF-8"),
                out, err);
        StringWriter localOut = new StringWriter();
        StringWriter localErr = new StringWriter();
        int ran = SitecCommand.run(args, new Invocation(local, environment, new PrintWriter(localOut, true),
                new PrintWriter(localErr, true)));
        DaemonClient.stop(socket);
        serving.get(10, TimeUnit.SECONDS);

        assertThat(served).hasValue(ran);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(localOut.toString()).startsWith("out: 191 files written");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(localErr.toString());
        assertThat(tree(client.resolve("out"))).isEqualTo(tree(local.resolve("out")));
    }

    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString(), Files.readString(file));
            }
        }
        return files;
    }
}
