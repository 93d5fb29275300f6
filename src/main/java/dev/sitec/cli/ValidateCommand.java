package dev.sitec.cli;

import dev.sitec.Compilation;
import dev.sitec.SiteCompiler;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = SitecCommand.Version.class,
        description = "Check the site file and print every problem; write nothing.")
final class ValidateCommand implements Callable<Integer> {

    @Mixin
    SiteFileOption site;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Compilation result = new SiteCompiler().validate(site.path(), site.displayName());
        Console.report(result, spec.commandLine().getErr());
        if (result.failed()) {
            return ExitCodes.INVALID;
        }
        spec.commandLine().getOut().println(site.displayName() + " is valid");
        return ExitCodes.OK;
    }
}
