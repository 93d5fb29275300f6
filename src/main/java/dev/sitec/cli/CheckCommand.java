package dev.sitec.cli;

import dev.sitec.Compilation;
import dev.sitec.SiteCompiler;
import dev.sitec.write.Drift;
import dev.sitec.write.OutputWriter;
import dev.sitec.write.RefusedOutputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = SitecCommand.Version.class,
        description = "Fail (exit 1) when the generated tree is not what the site file gives.")
final class CheckCommand implements Callable<Integer> {

    private final Invocation invocation;

    @Mixin
    SiteFileOption site;

    @Mixin
    OutputDirOption output;

    CheckCommand(Invocation invocation) {
        this.invocation = invocation;
    }

    @Override
    public Integer call() {
        PrintWriter out = invocation.out();
        PrintWriter err = invocation.err();
        Path target = output.path(invocation);
        Stamps stamps = Stamps.of(site, invocation);
        var answered = NoOpFastPath.answer("check", stamps, site, output, invocation);
        if (answered.isPresent()) {
            return answered.getAsInt();
        }
        Compilation result = new SiteCompiler().compile(site.path(invocation), site.displayName());
        Console.report(result, err, Console.colour(invocation));
        if (result.failed()) {
            return ExitCodes.INVALID;
        }
        List<Drift> drift;
        try {
            drift = new OutputWriter().check(target, result.files());
        } catch (RefusedOutputException e) {
            err.println(Console.paint(e.format(output.path().toString()), Console.colour(invocation)));
            return ExitCodes.INVALID;
        } catch (IOException e) {
            err.println("sitec: cannot read " + output.path() + ": " + IoMessages.describe(e));
            return ExitCodes.INVALID;
        }
        if (drift.isEmpty()) {
            stamps.record(target, result);
            out.println(output.path() + " is up to date with " + site.displayName());
            return ExitCodes.OK;
        }
        for (Drift d : drift) {
            err.println(output.path().resolve(d.path()) + ": " + d.kind().label());
        }
        long edited = drift.stream().filter(d -> d.kind() == Drift.Kind.EDITED).count();
        String stale = output.path() + " is stale: " + Console.count(drift.size(), "file")
                + (drift.size() == 1 ? " differs" : " differ") + " from " + site.displayName();
        if (edited == 0) {
            err.println(stale + "; run sitec generate" + (site.isDefault() ? "" : " -f " + Console.shellWord(site.displayName()))
                    + (output.isDefault() ? "" : " -o " + Console.shellWord(output.path().toString())));
        } else {
            // generate refuses to write over these: the advice is generate's own.
            err.println(stale + (drift.size() == 1 ? ", edited by hand" : ", " + edited + " of them edited by hand"));
            err.println("    hint: " + EditedFiles.hint(site, output, (int) edited));
        }
        return ExitCodes.INVALID;
    }
}
