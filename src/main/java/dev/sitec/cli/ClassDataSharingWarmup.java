package dev.sitec.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * What the build runs once, under -XX:ArchiveClassesAtExit, to record the class-data sharing
 * archive bin/sitec starts with: every command path in one JVM (a full generate, the no-op
 * answered from the stamp, check, validate, help), so that every path starts from the archive.
 * Usage: {@code ClassDataSharingWarmup SITE OUTPUT_DIR}; the stamp goes where XDG_CACHE_HOME says.
 */
public final class ClassDataSharingWarmup {

    private ClassDataSharingWarmup() {
    }

    public static void main(String[] args) {
        String site = args[0];
        String output = args[1];
        PrintWriter quiet = new PrintWriter(new StringWriter());
        SitecCommand.run(new String[] {"generate", "-f", site, "-o", output}, quiet, quiet);
        SitecCommand.run(new String[] {"generate", "-f", site, "-o", output}, quiet, quiet);
        SitecCommand.run(new String[] {"check", "-f", site, "-o", output}, quiet, quiet);
        SitecCommand.run(new String[] {"validate", "-f", site}, quiet, quiet);
        SitecCommand.run(new String[] {"--help"}, quiet, quiet);
    }
}
