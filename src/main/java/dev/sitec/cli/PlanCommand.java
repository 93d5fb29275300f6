package dev.sitec.cli;

import dev.sitec.Compilation;
import dev.sitec.SiteCompiler;
import dev.sitec.change.Baseline;
import dev.sitec.change.ChangeGuard;
import dev.sitec.change.ChangePlan;
import dev.sitec.change.ChangeReport;
import dev.sitec.change.FailLevel;
import dev.sitec.change.SiteComparison;
import dev.sitec.diagnostic.Diagnostic;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "plan", mixinStandardHelpOptions = true, versionProvider = SitecCommand.Version.class,
        description = {"Say what applying the edited site file would do to the running lab.",
                "Compared with the site the generated tree was made from, or with the file at a git commit.",
                "Writes nothing."})
final class PlanCommand implements Callable<Integer> {

    private final Invocation invocation;

    @Mixin
    SiteFileOption site;

    @Mixin
    OutputDirOption output;

    @Option(names = "--against", paramLabel = "GIT_REF",
            description = "Compare with the site file as this git commit holds it, not with the generated tree's.")
    String against;

    @Option(names = "--fail-on", paramLabel = "LEVEL", converter = FailLevelConverter.class,
            description = {"Exit 1 when a change at this level or worse is present: destroy (data lost), replace (a guest",
                    "destroyed or deleted, or worse) or reboot (a guest or host restarted, the K3s cluster changed, or worse)."})
    FailLevel failOn;

    @Option(names = "--json", description = "Print the changes as JSON.")
    boolean json;

    PlanCommand(Invocation invocation) {
        this.invocation = invocation;
    }

    @Override
    public Integer call() {
        PrintWriter out = invocation.out();
        PrintWriter err = invocation.err();
        Compilation current = new SiteCompiler().validate(site.path(invocation), site.displayName());
        Console.report(current, err, Console.colour(invocation));
        if (current.failed()) {
            return ExitCodes.INVALID;
        }
        Baseline baseline;
        try {
            Optional<Baseline> found = against != null
                    ? Optional.of(Baseline.fromGit(site.path(invocation), site.displayName(), against))
                    : Baseline.recorded(output.path(invocation), output.path().toString());
            if (found.isEmpty()) {
                err.println("sitec: " + output.path() + " holds no record of the site it was generated from");
                err.println("    hint: run generate first (a tree made by an older sitec has none), or compare with a"
                        + " commit: plan --against HEAD");
                return ExitCodes.INVALID;
            }
            baseline = found.get();
        } catch (Baseline.Unavailable e) {
            e.diagnostics().stream().limit(Console.SHOWN).map(Diagnostic::format).forEach(err::println);
            err.println("sitec: " + e.getMessage());
            return ExitCodes.INVALID;
        }
        ChangePlan plan = SiteComparison.compare(baseline.site(), current.site().orElseThrow());
        out.print(json ? ChangeReport.json(plan, site.displayName(), baseline.description())
                : ChangeReport.text(plan, site.displayName(), baseline.description()));
        out.flush();
        List<Diagnostic> concerns = ChangeGuard.refusals(plan, current.document().orElseThrow().sources());
        concerns.forEach(d -> err.println(Console.paint(d.format(), Console.colour(invocation))));
        long refused = concerns.stream().filter(Diagnostic::isError).count();
        if (refused > 0) {
            err.println(Console.count(refused, "error") + ": generate refuses " + (refused == 1 ? "this change" : "these changes"));
            return ExitCodes.INVALID;
        }
        if (failOn != null && plan.reaches(failOn)) {
            err.println("sitec: a change at level '" + failOn.name().toLowerCase(Locale.ROOT) + "' or worse is present");
            return ExitCodes.INVALID;
        }
        return ExitCodes.OK;
    }

    /** destroy, replace or reboot, as the help says them. */
    static final class FailLevelConverter implements picocli.CommandLine.ITypeConverter<FailLevel> {
        @Override
        public FailLevel convert(String value) {
            try {
                return FailLevel.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(
                        "'" + value + "' is not a level: use destroy, replace or reboot");
            }
        }
    }
}
