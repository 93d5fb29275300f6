package dev.sitec.family.runbook;

import dev.sitec.model.Site;
import dev.sitec.plan.OutputFamily;
import dev.sitec.plan.PlannedFile;
import dev.sitec.write.ToolOutputs;
import java.util.List;

/** The generated tree's own README (what is in it) and RUNBOOK (this site's steps, first install and day 2). */
public final class RunbookFamily implements OutputFamily {

    @Override
    public String name() {
        return "runbook";
    }

    @Override
    public List<PlannedFile> plan(Site site) {
        RunbookSteps steps = RunbookSteps.of(site);
        return List.of(PlannedFile.of("README.md", "runbook/README.md.ftl", RunbookView.of(site)),
                PlannedFile.of("RUNBOOK.md", "runbook/RUNBOOK.md.ftl", steps),
                PlannedFile.of("Makefile", "runbook/Makefile.ftl", steps),
                PlannedFile.of(".gitignore", "runbook/gitignore.gitignore.ftl", new GitIgnore(ToolOutputs.PATTERNS)));
    }

    /** The tree's .gitignore: what the tools leave in it. */
    public record GitIgnore(List<String> patterns) {
    }
}
