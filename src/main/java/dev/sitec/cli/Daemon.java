package dev.sitec.cli;

import dev.sitec.daemon.DaemonAddress;
import dev.sitec.daemon.DaemonClient;
import dev.sitec.daemon.DaemonLauncher;
import dev.sitec.daemon.Request;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Predicate;

/**
 * sitec's daemon as the command line uses it. A cold JVM spends most of a run loading and warming up
 * code; a pre-commit hook pays that on every commit. So, outside CI, `sitec` hands its command to a
 * daemon of the same build that keeps all of that warm (starting one on first use) and prints what
 * it answers. The daemon sees the client's working directory and the variables sitec reads
 * ({@link Invocation#VARIABLES}), so a run behaves as it would in the client's own process.
 * SITEC_DAEMON=0 turns this off, SITEC_DAEMON=1 on (also in CI); the daemon stops after
 * SITEC_DAEMON_IDLE_MINUTES (180) without a run, or when its jar changes.
 */
final class Daemon {

    private static final Duration DEFAULT_IDLE = Duration.ofHours(3);
    /** A cold daemon starts in well under a second; a loaded machine gets time before the fallback. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);
    /** Commands that read secrets from the environment (import, doctor) never go through the daemon. */
    private static final Set<String> IN_PROCESS = Set.of("daemon", "import", "doctor");

    private Daemon() {
    }

    /** The command's exit code when a daemon ran it; empty when this process should run it. */
    static OptionalInt tryRun(String[] args, Invocation invocation) {
        if (!enabled(args, invocation.environment())) {
            return OptionalInt.empty();
        }
        Optional<Path> jar = RunningBuild.jar();
        Optional<String> build = jar.flatMap(RunningBuild::identity);
        if (build.isEmpty()) {
            return OptionalInt.empty(); // from class folders (a build, tests): no daemon
        }
        return tryRun(args, invocation, build.get(),
                address -> DaemonLauncher.start(address, command(address, jar.get()), START_TIMEOUT));
    }

    /**
     * The same for {@code build}, started by {@code launcher} when none answers. A folder that is not
     * this user's alone is not used at all, and the run says so (a line on stderr) and runs here.
     */
    static OptionalInt tryRun(String[] args, Invocation invocation, String build, Predicate<DaemonAddress> launcher) {
        Optional<DaemonAddress> address = address(build, invocation.environment());
        if (address.isEmpty()) {
            return OptionalInt.empty();
        }
        Optional<String> untrusted = address.get().preparePrivateFolder();
        if (untrusted.isPresent()) {
            invocation.err().println("sitec: running without the daemon: " + untrusted.get());
            return OptionalInt.empty();
        }
        Request request = request(build, args, invocation);
        OptionalInt served = DaemonClient.run(address.get().socket(), request, System.out, System.err);
        if (served.isPresent()) {
            return served;
        }
        if (!launcher.test(address.get())) {
            return OptionalInt.empty();
        }
        return DaemonClient.run(address.get().socket(), request, System.out, System.err);
    }

    /** What the daemon is sent: of the environment, only the variables sitec reads. */
    static Request request(String build, String[] args, Invocation invocation) {
        return new Request(build, invocation.workingDirectory(), Arrays.asList(args), invocation.variablesRead(),
                Charset.defaultCharset().name());
    }

    /** Whether runs use the daemon in an environment, and why, as `sitec daemon status` says it. */
    record Setting(boolean on, String reason) {
    }

    /**
     * On unless SITEC_DAEMON says otherwise or, when it says nothing, in CI (one run per job: a daemon
     * would only outlive it). Always here: `sitec daemon …` itself; import, which reads its API token
     * from a variable it is told (never sent to the daemon, see {@link Invocation#VARIABLES}); and an
     * @file, which may name import.
     */
    static boolean enabled(String[] args, Map<String, String> environment) {
        boolean here = args.length > 0 && (IN_PROCESS.contains(args[0]) || args[0].startsWith("@"));
        return !here && setting(environment).on();
    }

    static Setting setting(Map<String, String> environment) {
        String daemon = environment.getOrDefault("SITEC_DAEMON", "").trim();
        if (!daemon.isEmpty()) {
            boolean off = List.of("0", "false", "no", "off").contains(daemon.toLowerCase(Locale.ROOT));
            return new Setting(!off, "SITEC_DAEMON=" + daemon);
        }
        String ci = environment.getOrDefault("CI", "").trim();
        if (!ci.isEmpty() && !List.of("0", "false").contains(ci.toLowerCase(Locale.ROOT))) {
            return new Setting(false, "CI=" + ci + "; SITEC_DAEMON=1 turns it on");
        }
        return new Setting(true, "the default outside CI; SITEC_DAEMON=0 turns it off");
    }

    static Optional<DaemonAddress> address(String build, Map<String, String> environment) {
        return DaemonAddress.of(build, Optional.ofNullable(environment.get("XDG_RUNTIME_DIR")),
                System.getProperty("java.home"), System.getProperty("java.vm.version"));
    }

    static Duration idleTimeout(Map<String, String> environment) {
        try {
            long minutes = Long.parseLong(environment.getOrDefault("SITEC_DAEMON_IDLE_MINUTES", "").trim());
            return minutes > 0 ? Duration.ofMinutes(minutes) : DEFAULT_IDLE;
        } catch (NumberFormatException e) {
            return DEFAULT_IDLE;
        }
    }

    /**
     * The daemon's JVM: this JDK; C1 only, like a one-shot run (C2 made warm runs of a 1000-VM site
     * about a tenth faster, but the first run, which starts the daemon, 0.15 s slower and the daemon
     * bigger); the serial GC with a small heap that grows during a run and shrinks back when the
     * daemon is idle (the JVM's default start, 1/64 of the memory, is also the least it keeps: a daemon
     * idle for hours would hold twice the memory for runs of a 1000-VM site a tenth faster); and the
     * build's class-data sharing archive when there is a current one.
     */
    static List<String> command(DaemonAddress address, Path jar) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xms32m", "-XX:MinHeapFreeRatio=10",
                "-XX:MaxHeapFreeRatio=30", "-Xss4m",
                "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
        Path archive = jar.resolveSibling("sitec.jsa");
        try {
            if (Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) >= 0) {
                command.add("-XX:SharedArchiveFile=" + archive);
            }
        } catch (IOException e) {
            // no archive: the daemon starts a little slower, once
        }
        command.addAll(List.of("-cp", jar.toString(), DaemonMain.class.getName(), address.socket().toString()));
        return command;
    }
}
