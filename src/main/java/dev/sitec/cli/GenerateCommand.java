package dev.sitec.cli;

import dev.sitec.Compilation;
import dev.sitec.SiteCompiler;
import dev.sitec.write.OutputWriter;
import dev.sitec.write.WriteReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "generate", mixinStandardHelpOptions = true, versionProvider = SitecCommand.Version.class,
        description = "Validate the site file and write the generated tree.")
final class GenerateCommand implements Callable<Integer> {

    @Mixin
    SiteFileOption site;

    @Mixin
    OutputDirOption output;

    @Option(names = {"-v", "--verbose"}, description = "List every file written or deleted.")
    boolean verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Stamps stamps = Stamps.of(site);
        var answered = NoOpFastPath.answer("generate", stamps, site, output.path(), out, err);
        if (answered.isPresent()) {
            return answered.getAsInt();
        }
        Compilation result = new SiteCompiler().compile(site.path(), site.displayName());
        Console.report(result, err);
        if (result.failed()) {
            err.println("nothing written: " + output.path() + " is as it was");
            return ExitCodes.INVALID;
        }
        WriteReport report;
        try {
            report = new OutputWriter().write(output.path(), result.files());
        } catch (IOException e) {
            err.println("sitec: cannot write " + output.path() + ": " + IoMessages.describe(e));
            err.println("nothing written: " + output.path() + " is as it was");
            return ExitCodes.INVALID;
        }
        stamps.record(output.path(), result);
        if (verbose) {
            report.written().forEach(p -> out.println("wrote   " + output.path().resolve(p)));
            report.deleted().forEach(p -> out.println("deleted " + output.path().resolve(p)));
        }
        out.println(output.path() + ": " + Console.count(report.written().size(), "file") + " written, "
                + report.unchanged().size() + " unchanged, " + report.deleted().size() + " deleted");
        return ExitCodes.OK;
    }
}
