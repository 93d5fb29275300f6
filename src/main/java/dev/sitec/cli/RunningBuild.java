package dev.sitec.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The sitec build this process runs: its jar, and an identity that changes whenever the jar is
 * rebuilt. Stamps and the daemon trust only a known build; from class folders (a build, tests)
 * there is none.
 */
final class RunningBuild {

    private RunningBuild() {
    }

    /**
     * The jar as path, size and modification time (a rebuilt jar changes them; reading all of it
     * would cost more than the run it saves).
     */
    static Optional<String> identity() {
        return jar().flatMap(RunningBuild::identity);
    }

    static Optional<String> identity(Path jar) {
        try {
            BasicFileAttributes a = Files.readAttributes(jar, BasicFileAttributes.class);
            return Optional.of(jar + ":" + a.size() + ":" + a.lastModifiedTime().to(TimeUnit.NANOSECONDS));
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    static Optional<Path> jar() {
        try {
            Path code = Path.of(RunningBuild.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(code) ? Optional.of(code.toAbsolutePath()) : Optional.empty();
        } catch (URISyntaxException | SecurityException | NullPointerException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
