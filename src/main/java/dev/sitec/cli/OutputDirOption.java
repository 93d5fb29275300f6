package dev.sitec.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code -o/--output}: the folder generated files go to. */
public final class OutputDirOption {

    static final String DEFAULT_DIR = "generated";

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = DEFAULT_DIR,
            description = "The folder of generated files (default: ${DEFAULT-VALUE}).")
    String dir;

    static OutputDirOption of(String dir) {
        OutputDirOption option = new OutputDirOption();
        option.dir = dir;
        return option;
    }

    /** The folder as the user gave it: what messages print. */
    Path path() {
        return Path.of(dir);
    }

    /** Whether the user named no folder: then a command a message suggests needs no -o either. */
    boolean isDefault() {
        return path().normalize().toString().equals(DEFAULT_DIR);
    }

    /** The folder this run writes or checks. */
    Path path(Invocation invocation) {
        return invocation.resolve(path());
    }
}
