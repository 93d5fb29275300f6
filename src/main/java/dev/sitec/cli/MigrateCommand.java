package dev.sitec.cli;

import dev.sitec.migrate.SiteMigration;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "migrate", mixinStandardHelpOptions = true, versionProvider = SitecCommand.Version.class,
        description = {"Rewrite the site file in the newest format (sitec.dev/v2), in place.",
                "Its comments and key order stay; a file in that format already is left as it is."})
final class MigrateCommand implements Callable<Integer> {

    private final Invocation invocation;

    @Mixin
    SiteFileOption site;

    MigrateCommand(Invocation invocation) {
        this.invocation = invocation;
    }

    @Override
    public Integer call() {
        PrintWriter out = invocation.out();
        PrintWriter err = invocation.err();
        Path file = site.path(invocation);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("sitec: cannot read " + site.displayName() + ": " + IoMessages.describe(e));
            return ExitCodes.INVALID;
        }
        SiteMigration.Result result = SiteMigration.toV2(text, site.displayName());
        result.problems().stream().limit(Console.SHOWN).forEach(d -> err.println(d.format()));
        if (!result.problems().isEmpty()) {
            err.println("sitec: " + result.summary());
            return ExitCodes.INVALID;
        }
        if (result.changed()) {
            try {
                // Written beside the file and moved over it: the file is either the old one or the new one.
                Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".sitec-migrate-", ".yaml");
                Files.writeString(tmp, result.text(), StandardCharsets.UTF_8);
                try {
                    Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(file));
                } catch (UnsupportedOperationException e) {
                    // Not a POSIX file system: the new file keeps the default permissions.
                }
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                err.println("sitec: cannot write " + site.displayName() + ": " + IoMessages.describe(e));
                return ExitCodes.INVALID;
            }
        }
        out.println(result.summary());
        return ExitCodes.OK;
    }
}
