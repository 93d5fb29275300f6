package dev.sitec.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code -f/--file}: the site file every command reads, or (init, import) writes. */
public final class SiteFileOption {

    static final String DEFAULT_FILE = "site.yaml";

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", defaultValue = DEFAULT_FILE,
            description = "The site file (default: ${DEFAULT-VALUE}): init and import write it, the other commands read it.")
    String file;

    static SiteFileOption of(String file) {
        SiteFileOption option = new SiteFileOption();
        option.file = file;
        return option;
    }

    /** The file this run reads. */
    Path path(Invocation invocation) {
        return invocation.resolve(Path.of(file));
    }

    /** The file's bytes, or null when it cannot be read (the pipeline then reports why). */
    byte[] bytesOrNull(Invocation invocation) {
        try {
            return java.nio.file.Files.readAllBytes(path(invocation));
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    /** Whether the user named no file: then a command a message suggests needs no -f either. */
    boolean isDefault() {
        return Path.of(file).normalize().toString().equals(DEFAULT_FILE);
    }

    /** The name diagnostics print: the path as the user gave it. */
    String displayName() {
        return Path.of(file).normalize().toString();
    }
}
