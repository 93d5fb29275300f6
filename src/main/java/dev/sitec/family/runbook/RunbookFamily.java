package dev.sitec.family.runbook;

import dev.sitec.model.Site;
import dev.sitec.plan.OutputFamily;
import dev.sitec.plan.PlannedFile;
import java.util.List;

/** The generated tree's own README: what is in it, and the order to apply it in. */
public final class RunbookFamily implements OutputFamily {

    @Override
    public String name() {
        return "runbook";
    }

    @Override
    public List<PlannedFile> plan(Site site) {
        return List.of(PlannedFile.of("README.md", "runbook/README.md.ftl", RunbookView.of(site)));
    }
}
