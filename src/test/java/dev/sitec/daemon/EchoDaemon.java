package dev.sitec.daemon;

import java.nio.file.Path;
import java.time.Duration;

/** A daemon for launcher tests: answers every run with its arguments, stops after a short idle time. */
public final class EchoDaemon {

    private EchoDaemon() {
    }

    public static void main(String[] args) throws Exception {
        new DaemonServer(Path.of(args[0]), "echo", (request, out, err) -> {
            out.println(String.join(" ", request.args()));
            return 0;
        }, new DaemonServer.Lifetime(Duration.ofSeconds(2), () -> false, () -> { })).serve();
    }
}
