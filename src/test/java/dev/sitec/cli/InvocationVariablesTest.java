package dev.sitec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link Invocation#VARIABLES} is every environment variable sitec's code reads: the daemon's client
 * sends those and no others, so a variable read but not listed would be missing from runs the
 * daemon serves, and one listed but not read would be sent for nothing.
 */
class InvocationVariablesTest {

    /** A read of one variable: getenv("X"), env("X"), environment.get("X") or getOrDefault("X", …). */
    private static final Pattern READ = Pattern.compile(
            "(?:\\bgetenv|\\benv|\\benvironment(?:\\(\\))?\\s*\\.\\s*(?:get|getOrDefault))\\(\\s*([^),]*)");
    private static final Pattern NAME = Pattern.compile("\"([A-Za-z_][A-Za-z0-9_]*)\"");
    /**
     * Reads of a name not written in the code: Invocation.env(String name) itself, and import's token,
     * never sent (see Invocation).
     */
    private static final List<String> UNNAMED = List.of("ImportCommand.java: tokenEnv",
            "Invocation.java: String name", "Invocation.java: name");

    /** Code that runs only in sitec's own process, with the whole environment: doctor's. */
    private static final Path IN_PROCESS_ONLY = Path.of("src/main/java/dev/sitec/doctor");

    @Test
    void everyVariableTheCodeReadsIsListedAndEveryListedOneIsRead() throws IOException {
        Set<String> read = new TreeSet<>();
        List<String> unnamed = new ArrayList<>();
        for (Path source : sources()) {
            if (source.startsWith(IN_PROCESS_ONLY)) {
                continue;
            }
            Matcher m = READ.matcher(Files.readString(source));
            while (m.find()) {
                String argument = m.group(1).trim();
                Matcher name = NAME.matcher(argument);
                if (name.matches()) {
                    read.add(name.group(1));
                } else if (!argument.isEmpty()) { // System.getenv() itself: the whole map, read by name elsewhere
                    unnamed.add(source.getFileName() + ": " + argument);
                }
            }
        }
        assertThat(read).as("variables read in src/main/java").isEqualTo(new TreeSet<>(Invocation.VARIABLES));
        assertThat(unnamed).as("variables read by a name not written in the code").isEqualTo(UNNAMED);
    }

    @Test
    void doctorWhoseReadsAreNotListedNeverRunsInTheDaemon() {
        // doctor runs the person's ssh and git on their PATH and reads the token variables: it needs the
        // whole environment, so it must stay out of the daemon (which is sent only the listed variables).
        assertThat(Daemon.enabled(new String[] {"generate"}, Map.of("SITEC_DAEMON", "1"))).isTrue();
        assertThat(Daemon.enabled(new String[] {"doctor"}, Map.of("SITEC_DAEMON", "1"))).isFalse();
    }

    @Test
    void theScanSeesEachWayOfReading() {
        for (String code : List.of("System.getenv(\"A\")", "invocation.env(\"A\")", "environment.get(\"A\")",
                "environment().getOrDefault(\"A\", \"\")", "environment.getOrDefault( \"A\" , x)")) {
            Matcher m = READ.matcher(code);
            assertThat(m.find()).as(code).isTrue();
            assertThat(m.group(1).trim()).as(code).isEqualTo("\"A\"");
        }
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }
}
