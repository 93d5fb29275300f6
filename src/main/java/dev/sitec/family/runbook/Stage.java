package dev.sitec.family.runbook;

import java.util.List;

/**
 * One stage of a first install, as RUNBOOK.md tells it and the generated Makefile runs it: both are
 * rendered from this one record, so the runbook and the runner cannot disagree. A stage without a
 * target is done by hand (flashing a card, pushing to Git): the runbook tells it, `make check` runs
 * its checks.
 *
 * @param target the Makefile target, or null for a stage done by hand
 * @param needs targets that must have run first, which make runs again (each is safe to repeat)
 * @param intro what the stage does and what it needs, in prose (Markdown)
 * @param run the commands, in order, run from the generated folder
 * @param checks commands that show the stage worked
 */
public record Stage(String target, List<String> needs, String title, String intro, List<Line> run, String checkIntro,
                    List<Line> checks) {

    public Stage {
        needs = List.copyOf(needs);
        run = List.copyOf(run);
        checks = List.copyOf(checks);
    }

    /** A shell command and what it is for (a trailing comment in the runbook, none in the Makefile). */
    public record Line(String command, String comment) {

        public static Line of(String command) {
            return new Line(command, null);
        }

        /** The command as a Makefile recipe line: make expands '$' itself, the shell gets '$$' as '$'. */
        public String forMake() {
            return command.replace("$", "$$");
        }
    }

    public boolean manual() {
        return target == null;
    }
}
