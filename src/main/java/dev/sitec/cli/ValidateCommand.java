package dev.sitec.cli;

import dev.sitec.Compilation;
import dev.sitec.SiteCompiler;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = SitecCommand.Version.class,
        description = "Check the site file and print every problem; write nothing.")
final class ValidateCommand implements Callable<Integer> {

    private final Invocation invocation;

    @Mixin
    SiteFileOption site;

    ValidateCommand(Invocation invocation) {
        this.invocation = invocation;
    }

    @Override
    public Integer call() {
        Compilation result = new SiteCompiler().validate(site.path(invocation), site.displayName());
        Console.report(result, invocation.err());
        if (result.failed()) {
            return ExitCodes.INVALID;
        }
        invocation.out().println(site.displayName() + " is valid (" + result.site().orElseThrow().format().version().apiVersion()
                + ")");
        return ExitCodes.OK;
    }
}
