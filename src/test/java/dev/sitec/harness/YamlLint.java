package dev.sitec.harness;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** yamllint --strict with the project's settings (scripts/harness/yamllint.yaml) over some files. */
final class YamlLint {

    private final Path config;

    YamlLint(Path config) {
        this.config = config;
    }

    List<Problem> check(Path root, List<Path> files) {
        if (files.isEmpty()) {
            return List.of();
        }
        if (!ExternalTool.available("yamllint")) {
            return List.of(ExternalTool.missing("yamllint"));
        }
        List<String> command = new ArrayList<>(List.of("yamllint", "--strict", "-f", "parsable", "-c",
                config.toAbsolutePath().toString()));
        files.forEach(f -> command.add(f.toAbsolutePath().toString()));
        ExternalTool.Result result = ExternalTool.run(root, command);
        List<Problem> problems = new ArrayList<>();
        for (String line : result.output().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            // parsable: /abs/path:line:col: [level] message (rule)
            int colon = line.indexOf(':');
            String file = colon > 0 ? TreeFiles.relative(root.toAbsolutePath(), Path.of(line.substring(0, colon))) : "(yamllint)";
            problems.add(new Problem(file, "yamllint: " + line.substring(colon + 1)));
        }
        if (!result.ok() && problems.isEmpty()) {
            problems.add(new Problem("(yamllint)", result.output().strip()));
        }
        return problems;
    }

    static boolean isYaml(Path p) {
        return TreeFiles.endsWith(p, ".yaml", ".yml") || TreeFiles.named(p, "user-data")
                || TreeFiles.named(p, "meta-data") || TreeFiles.named(p, "network-config");
    }
}
