package dev.sitec.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * One run of sitec as its user started it: the folder that relative paths mean, the environment it
 * sees and where its output goes. A run in its own JVM takes its process's; a run that the daemon
 * serves takes its client's, so that both behave alike. Paths the user gave are printed as given
 * and resolved against {@link #workingDirectory} only to be read or written.
 */
public record Invocation(Path workingDirectory, Map<String, String> environment, PrintWriter out, PrintWriter err) {

    public Invocation {
        if (!workingDirectory.isAbsolute()) {
            throw new IllegalArgumentException("working directory must be absolute: " + workingDirectory);
        }
        environment = Map.copyOf(environment);
    }

    public static Invocation ofThisProcess(PrintWriter out, PrintWriter err) {
        return new Invocation(Path.of("").toAbsolutePath(), System.getenv(), out, err);
    }

    /** A path the user gave, as this run reads or writes it. */
    public Path resolve(Path given) {
        return workingDirectory.resolve(given);
    }

    public Optional<String> env(String name) {
        return Optional.ofNullable(environment.get(name));
    }
}
