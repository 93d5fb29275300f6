package dev.sitec.harness;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Generated shell scripts parse (`bash -n`) and pass shellcheck. */
final class ShellScripts {

    private ShellScripts() {
    }

    static List<Problem> check(Path root, List<Path> scripts) {
        List<Problem> problems = new ArrayList<>();
        if (scripts.isEmpty()) {
            return problems;
        }
        if (!ExternalTool.available("shellcheck")) {
            problems.add(ExternalTool.missing("shellcheck"));
        }
        for (Path script : scripts) {
            String file = TreeFiles.relative(root, script);
            ExternalTool.Result syntax = ExternalTool.run(root, List.of("bash", "-n", script.toAbsolutePath().toString()));
            if (!syntax.ok()) {
                problems.add(new Problem(file, "bash -n: " + syntax.output().strip()));
            }
            if (ExternalTool.available("shellcheck")) {
                ExternalTool.Result lint = ExternalTool.run(root, List.of("shellcheck", "--format=gcc",
                        script.toAbsolutePath().toString()));
                if (!lint.ok()) {
                    lint.output().lines().filter(l -> !l.isBlank())
                            .forEach(l -> problems.add(new Problem(file, "shellcheck: " + l.substring(l.indexOf(':') + 1))));
                }
            }
        }
        return problems;
    }
}
