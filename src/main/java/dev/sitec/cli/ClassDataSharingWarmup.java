package dev.sitec.cli;

import dev.sitec.daemon.DaemonAddress;
import dev.sitec.daemon.DaemonClient;
import dev.sitec.daemon.DaemonServer;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * What the build runs once to list the classes for the class-data sharing archive bin/sitec starts
 * with: every command path in one JVM (a full generate, the no-op answered from the stamp, check,
 * validate, help), and both ends of the daemon (a client's run served by a daemon in this JVM), so
 * that every path starts from the archive. Usage: {@code ClassDataSharingWarmup SITE OUTPUT_DIR};
 * the stamp goes where XDG_CACHE_HOME says.
 */
public final class ClassDataSharingWarmup {

    private ClassDataSharingWarmup() {
    }

    public static void main(String[] args) throws Exception {
        String site = args[0];
        String output = args[1];
        PrintWriter quiet = new PrintWriter(new StringWriter());
        SitecCommand.run(new String[] {"generate", "-f", site, "-o", output}, quiet, quiet);
        SitecCommand.run(new String[] {"generate", "-f", site, "-o", output}, quiet, quiet);
        SitecCommand.run(new String[] {"check", "-f", site, "-o", output}, quiet, quiet);
        SitecCommand.run(new String[] {"validate", "-f", site}, quiet, quiet);
        SitecCommand.run(new String[] {"--help"}, quiet, quiet);
        throughDaemon(new String[] {"check", "-f", site, "-o", output}, quiet);
    }

    /** A client's request served by a daemon running in this JVM. */
    private static void throughDaemon(String[] args, PrintWriter quiet) throws Exception {
        Path folder = Files.createTempDirectory("sitec-warmup",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Invocation invocation = Invocation.ofThisProcess(quiet, quiet);
        String build = "warm-up";
        Daemon.enabled(args, invocation.environment());
        Daemon.address(build, Map.of("XDG_RUNTIME_DIR", folder.toString())).ifPresent(a -> a.preparePrivateFolder());
        DaemonAddress address = new DaemonAddress(folder.resolve("warm-up.sock"));
        DaemonServer server = new DaemonServer(address.socket(), build, DaemonMain::run,
                new DaemonServer.Lifetime(Duration.ofMinutes(1), () -> false, () -> { }));
        CompletableFuture<Void> serving = server.serveInBackground();
        DaemonClient.run(address.socket(), Daemon.request(build, args, invocation), OutputStream.nullOutputStream(),
                OutputStream.nullOutputStream());
        DaemonClient.stop(address.socket());
        serving.get();
        try (var files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
