package dev.sitec.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads chart versions the way Flux does: scripts/harness/semver-constraint, built by
 * install-consumers with Masterminds/semver at the version helm-controller requires, says for each
 * whether it is an exact version, a range, or neither (with the library's own error).
 */
final class ChartVersions {

    private ChartVersions() {
    }

    static Path tool(Consumers consumers) {
        return consumers.cache().resolve("bin/semver-constraint-" + consumers.version("MASTERMINDS_SEMVER"));
    }

    /** One verdict per version, in order ("exact", "range", "invalid: ..."), or null when the tool is missing. */
    static List<String> read(Consumers consumers, List<String> versions) {
        Path tool = tool(consumers);
        if (!Files.isExecutable(tool)) {
            return null;
        }
        ExternalTool.Output out = ExternalTool.runApart(Path.of("."), List.of(tool.toString()),
                String.join("\n", versions) + "\n");
        List<String> verdicts = out.stdout().lines().toList();
        if (!out.ok() || verdicts.size() != versions.size()) {
            throw new IllegalStateException("semver-constraint failed: " + out.stderr());
        }
        return verdicts;
    }
}
