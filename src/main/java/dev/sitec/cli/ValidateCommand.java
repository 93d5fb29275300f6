package dev.sitec.cli;

import dev.sitec.Compilation;
import dev.sitec.SiteCompiler;
import dev.sitec.diagnostic.DiagnosticReport;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = SitecCommand.Version.class,
        description = "Check the site file and print every problem; write nothing.")
final class ValidateCommand implements Callable<Integer> {

    /** How findings are printed: for a person (on stderr), or for machines (on stdout). */
    enum Format { text, json, sarif }

    private final Invocation invocation;

    @Mixin
    SiteFileOption site;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default), json, or sarif (SARIF 2.1.0, for GitHub code scanning and editors).")
    Format format;

    ValidateCommand(Invocation invocation) {
        this.invocation = invocation;
    }

    @Override
    public Integer call() {
        Compilation result = new SiteCompiler().validate(site.path(invocation), site.displayName());
        switch (format) {
            case json -> invocation.out().print(DiagnosticReport.json(result.diagnostics()));
            case sarif -> invocation.out().print(DiagnosticReport.sarif(result.diagnostics(),
                    new SitecCommand.Version().getVersion()[0].substring("sitec ".length())));
            case text -> Console.report(result, invocation.err(), Console.colour(invocation));
        }
        invocation.out().flush();
        if (result.failed()) {
            return ExitCodes.INVALID;
        }
        if (format == Format.text) {
            invocation.out().println(site.displayName() + " is valid (" + result.site().orElseThrow().format().version().apiVersion()
                    + ")");
        }
        return ExitCodes.OK;
    }
}
