package dev.sitec.cli;

import dev.sitec.Toolchain;
import dev.sitec.daemon.DaemonAddress;
import dev.sitec.daemon.DaemonServer;
import dev.sitec.daemon.Request;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The daemon process: serves sitec's commands on a socket with the schema validator, templates and
 * compiled code kept warm between runs. {@link Daemon} starts it; usage: {@code DaemonMain SOCKET}.
 */
public final class DaemonMain {

    private DaemonMain() {
    }

    public static void main(String[] args) throws IOException {
        DaemonAddress address = new DaemonAddress(Path.of(args[0]).toAbsolutePath());
        Optional<String> build = RunningBuild.identity();
        Optional<String> untrusted = address.distrust();
        if (build.isEmpty() || untrusted.isPresent()) {
            System.err.println("sitec daemon: not started: it runs only from sitec's jar, in a folder of its user's"
                    + " alone" + untrusted.map(why -> " (" + why + ")").orElse(""));
            System.exit(ExitCodes.USAGE);
        }
        // Opened without following a link (nor truncated unless ours alone): see DaemonAddress.openLock.
        try (FileChannel lockFile = address.openLock(); FileLock lock = lockFile.tryLock()) {
            if (lock == null) {
                return; // another daemon of this build is starting or serving
            }
            // Its process id, for `sitec daemon status` and for whoever wants to watch it.
            lockFile.truncate(0);
            lockFile.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
            Toolchain.prepareFor("generate");
            address.removeDeadNeighbours();
            // Stopped by a signal (kill, logout): leave no socket that nothing answers.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(address.socket())));
            DaemonServer.Lifetime lifetime = new DaemonServer.Lifetime(Daemon.idleTimeout(System.getenv()),
                    () -> !RunningBuild.identity().equals(build),
                    // Runs can grow the heap a lot (thousands of VMs); give it back while idle.
                    System::gc);
            new DaemonServer(address.socket(), build.get(), DaemonMain::run, lifetime).serve();
            lockFile.truncate(0);
        }
        System.exit(ExitCodes.OK);
    }

    /** Runs one client's command as if in the client's process. */
    static int run(Request request, PrintWriter out, PrintWriter err) {
        return SitecCommand.run(request.args().toArray(new String[0]),
                new Invocation(request.workingDirectory(), request.environment(), out, err));
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the next daemon replaces it
        }
    }
}
