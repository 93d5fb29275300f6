package dev.sitec.daemon;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Starts a daemon process detached from the caller, and waits until it listens. */
public final class DaemonLauncher {

    private static final Duration POLL = Duration.ofMillis(10);
    private static final List<Path> SETSID = List.of(Path.of("/usr/bin/setsid"), Path.of("/bin/setsid"));

    private DaemonLauncher() {
    }

    /**
     * Runs {@code command} in a session of its own (so that Ctrl-C or a closed terminal of the run
     * that started it does not stop it), output appended to the address's log; true once the socket
     * accepts, false when the process ended first or {@code timeout} passed. Starts nothing where the
     * address is not this user's alone ({@link DaemonAddress#distrust()}).
     */
    public static boolean start(DaemonAddress address, List<String> command, Duration timeout) {
        if (address.distrust().isPresent()) {
            return false;
        }
        List<String> detached = new ArrayList<>();
        SETSID.stream().filter(Files::isExecutable).findFirst().ifPresent(setsid -> detached.add(setsid.toString()));
        detached.addAll(command);
        Process process;
        try {
            // The redirect below follows links: make the log first, where a link is refused.
            address.prepareLog();
            File log = address.logFile().toFile();
            process = new ProcessBuilder(detached)
                    .directory(address.folder().toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log))
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            return false;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(address.socket()) && DaemonClient.isListening(address.socket())) {
                return true;
            }
            if (!process.isAlive()) {
                // Another daemon may have won the race to start: it listens, or is about to.
                return DaemonClient.isListening(address.socket());
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}
