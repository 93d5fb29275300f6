package dev.sitec.cli;

import dev.sitec.Compilation;
import dev.sitec.SiteCompiler;
import dev.sitec.change.ChangeGuard;
import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.write.EditedByHandException;
import dev.sitec.write.OutputWriter;
import dev.sitec.write.RefusedOutputException;
import dev.sitec.write.WriteReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true, versionProvider = SitecCommand.Version.class,
        description = "Validate the site file and write the generated tree.")
final class GenerateCommand implements Callable<Integer> {

    private final Invocation invocation;

    @Mixin
    SiteFileOption site;

    @Mixin
    OutputDirOption output;

    @Option(names = {"-v", "--verbose"}, description = "List every file written or deleted.")
    boolean verbose;

    @Option(names = "--force", description = "Overwrite generated files that were edited by hand.")
    boolean force;

    GenerateCommand(Invocation invocation) {
        this.invocation = invocation;
    }

    @Override
    public Integer call() {
        PrintWriter out = invocation.out();
        PrintWriter err = invocation.err();
        Path target = output.path(invocation);
        Stamps stamps = Stamps.of(site, invocation);
        var answered = NoOpFastPath.answer("generate", stamps, site, output, invocation);
        if (answered.isPresent()) {
            return answered.getAsInt();
        }
        try {
            OutputWriter.checkFolder(target); // before the recorded site is read from it, or anything compiled
        } catch (RefusedOutputException e) {
            err.println(Console.paint(e.format(output.path().toString()), Console.colour(invocation)));
            err.println("nothing written: " + output.path() + " is as it was");
            return ExitCodes.INVALID;
        }
        var baseline = ChangeGuard.prepare(target, output.path().toString(), site.bytesOrNull(invocation));
        Compilation result = new SiteCompiler().compile(site.path(invocation), site.displayName());
        Console.report(result, err, Console.colour(invocation));
        if (result.failed()) {
            err.println("nothing written: " + output.path() + " is as it was");
            return ExitCodes.INVALID;
        }
        FluxTreeCheck.check(result.site().orElseThrow(), result.document().orElseThrow().sources(), site.path(invocation), target)
                .forEach(d -> err.println(Console.paint(d.format(), Console.colour(invocation))));
        List<Diagnostic> guarded = ChangeGuard.check(result.site().orElseThrow(),
                result.document().orElseThrow().sources(), baseline, output.path().toString());
        guarded.forEach(d -> err.println(Console.paint(d.format(), Console.colour(invocation))));
        long refused = guarded.stream().filter(Diagnostic::isError).count();
        if (refused > 0) {
            err.println(Console.count(refused, "error") + " in what this edit does to the lab (sitec plan lists every change)");
            err.println("nothing written: " + output.path() + " is as it was");
            return ExitCodes.INVALID;
        }
        WriteReport report;
        try {
            report = write(target, result, out);
        } catch (EditedByHandException e) {
            e.paths().forEach(p -> err.println(output.path().resolve(p) + ": edited by hand"));
            err.println("nothing written: " + output.path() + " is as it was; generate would overwrite "
                    + Console.count(e.paths().size(), "file") + " edited by hand");
            err.println("    hint: " + EditedFiles.hint(site, output, e.paths().size()));
            return ExitCodes.INVALID;
        } catch (RefusedOutputException e) {
            err.println(Console.paint(e.format(output.path().toString()), Console.colour(invocation)));
            err.println("nothing written: " + output.path() + " is as it was");
            return ExitCodes.INVALID;
        } catch (IOException e) {
            err.println("sitec: cannot write " + output.path() + ": " + IoMessages.describe(e));
            err.println("nothing written: " + output.path() + " is as it was");
            return ExitCodes.INVALID;
        }
        stamps.record(target, result);
        if (verbose) {
            report.written().forEach(p -> out.println("wrote   " + output.path().resolve(p)));
            report.deleted().forEach(p -> out.println("deleted " + output.path().resolve(p)));
        }
        GenerationSummary.lines(report, output.path().toString()).forEach(out::println);
        return ExitCodes.OK;
    }

    /**
     * Writes the tree. Forced over files edited by hand, it first keeps a copy of each file it
     * overwrites (one no longer generated is not overwritten: it stays where it is, no longer sitec's).
     */
    private WriteReport write(Path target, Compilation result, PrintWriter out) throws IOException {
        OutputWriter writer = new OutputWriter();
        try {
            return writer.write(target, result.files(), false);
        } catch (EditedByHandException e) {
            if (!force) {
                throw e;
            }
            java.util.Set<String> planned = new java.util.HashSet<>();
            result.files().forEach(f -> planned.add(f.path()));
            List<String> overwritten = e.paths().stream().filter(planned::contains).toList();
            if (!overwritten.isEmpty()) {
                String kept = EditedFiles.keepCopies(target, overwritten, java.time.Instant.now());
                out.println("kept " + (overwritten.size() == 1 ? "a copy of the file" : "copies of the "
                        + overwritten.size() + " files") + " edited by hand in " + EditedFiles.keptIn(output) + "/" + kept
                        + "/: " + String.join(", ", overwritten));
            }
            return writer.write(target, result.files(), true);
        }
    }
}
