package dev.sitec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/sitec as a person puts it on PATH: through a link, or a link to a link, from any folder. It runs
 * with bash, against a stand-in for java that prints what it was asked to run (no jar is built).
 */
class LauncherScriptTest {

    @TempDir
    Path dir;

    /** A checkout with bin/sitec and a (stand-in) jar, and a `java` that prints its arguments. */
    private Path checkout() throws IOException {
        Path repo = Files.createDirectories(dir.resolve("checkout dir/sitec"));
        Files.createDirectories(repo.resolve("bin"));
        Files.copy(Path.of("bin/sitec"), repo.resolve("bin/sitec"));
        Files.createDirectories(repo.resolve("target"));
        Files.writeString(repo.resolve("target/sitec.jar"), "not read by the stand-in\n");
        Path fakeBin = Files.createDirectories(dir.resolve("fake-java"));
        Files.writeString(fakeBin.resolve("java"), "#!/bin/sh\nprintf '%s\\n' \"$@\"\n");
        Files.setPosixFilePermissions(fakeBin.resolve("java"), PosixFilePermissions.fromString("rwxr-xr-x"));
        return repo;
    }

    private List<String> sitecOnPath(Path linkFolder, Path workingDirectory) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", "sitec validate -f site.yaml")
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true);
        builder.environment().put("PATH", dir.resolve("fake-java") + ":" + linkFolder + ":/usr/bin:/bin");
        builder.environment().put("SITEC_CDS", "0");
        builder.environment().remove("SITEC_JAR");
        Process process = builder.start();
        process.getOutputStream().close();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        return output.lines().toList();
    }

    @Test
    void aLinkOnPathRunsTheJarOfTheCheckoutItLeadsTo() throws Exception {
        Path repo = checkout();
        Path jar = repo.resolve("target/sitec.jar").toRealPath();
        Path elsewhere = Files.createDirectories(dir.resolve("lab"));

        Path absolute = Files.createDirectories(dir.resolve("bin-absolute"));
        Files.createSymbolicLink(absolute.resolve("sitec"), repo.resolve("bin/sitec").toAbsolutePath());
        assertThat(sitecOnPath(absolute, elsewhere)).containsSubsequence("-jar", jar.toString(), "validate", "-f", "site.yaml");

        // A relative link, reached through a second link: each is followed from its own folder.
        Path relative = Files.createDirectories(dir.resolve("bin-relative"));
        Files.createSymbolicLink(relative.resolve("sitec-1"), relative.relativize(repo.resolve("bin/sitec")));
        Path chained = Files.createDirectories(dir.resolve("bin-chained"));
        Files.createSymbolicLink(chained.resolve("sitec"), relative.resolve("sitec-1"));
        assertThat(sitecOnPath(chained, elsewhere)).containsSubsequence("-jar", jar.toString(), "validate");

        // And the script itself, named by its path, as before.
        assertThat(sitecOnPath(repo.resolve("bin"), elsewhere)).containsSubsequence("-jar", jar.toString(), "validate");
    }
}
