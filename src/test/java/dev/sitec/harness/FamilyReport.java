package dev.sitec.harness;

import java.util.List;

/** What the harness found for one output family. */
public record FamilyReport(String family, int filesChecked, List<Problem> problems) {

    public FamilyReport {
        problems = List.copyOf(problems);
    }

    public String summary() {
        return family + ": " + filesChecked + " file" + (filesChecked == 1 ? "" : "s") + " checked, "
                + problems.size() + " problem" + (problems.size() == 1 ? "" : "s");
    }
}
