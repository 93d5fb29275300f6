package dev.sitec.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One run of sitec as its user started it: the folder that relative paths mean, the environment it
 * sees and where its output goes. A run in its own JVM takes its process's; a run that the daemon
 * serves takes its client's, so that both behave alike. Paths the user gave are printed as given
 * and resolved against {@link #workingDirectory} only to be read or written.
 */
public record Invocation(Path workingDirectory, Map<String, String> environment, PrintWriter out, PrintWriter err) {

    /**
     * Every environment variable sitec reads, in one place so that the daemon's client sends these and
     * no others (InvocationVariablesTest fails when code reads one not listed). Runs read them through
     * {@link #env}; the process itself reads SITEC_DAEMON_IDLE_MINUTES (the daemon) and
     * SITEC_FAULT_COMMIT_PAUSE_MS (a test's fault injection). Not listed: the API token import reads
     * from the variable --token-env names (PROXMOX_VE_API_TOKEN by default); import never goes
     * through the daemon ({@link Daemon#enabled}), so no secret does.
     */
    public static final Set<String> VARIABLES = Set.of(
            "CI", // the daemon is off in CI
            "HOME", // schema cache, without XDG_CACHE_HOME
            "NO_COLOR",
            "SITEC_DAEMON",
            "SITEC_DAEMON_IDLE_MINUTES",
            "SITEC_DEBUG",
            "SITEC_FAULT_COMMIT_PAUSE_MS",
            "SITEC_NO_STAMP",
            "SITEC_TERMINAL", // bin/sitec: stderr is a terminal (the daemon's is not)
            "XDG_CACHE_HOME",
            "XDG_RUNTIME_DIR");

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

    /** This run's environment as a daemon is sent it: the {@link #VARIABLES} set here, nothing else. */
    public Map<String, String> variablesRead() {
        Map<String, String> read = new HashMap<>(environment);
        read.keySet().retainAll(VARIABLES);
        return read;
    }
}
