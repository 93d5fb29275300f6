package dev.sitec.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * tflint with the terraform ruleset it bundles, recommended preset (scripts/harness/tflint.hcl), on
 * every cluster root and module of the tree, each in its own folder. Every issue is a problem, at
 * the file and line tflint gives.
 */
final class Tflint implements HarnessCheck {

    private final Consumers consumers;
    private final Path config;

    Tflint(Consumers consumers, Path config) {
        this.consumers = consumers;
        this.config = config;
    }

    @Override
    public String family() {
        return "terraform (tflint " + consumers.version("TFLINT") + ", terraform ruleset, recommended)";
    }

    @Override
    public FamilyReport check(Path tree) {
        List<Path> dirs = new ArrayList<>();
        for (String kind : List.of("terraform/clusters", "terraform/modules")) {
            Path parent = tree.resolve(kind);
            if (Files.isDirectory(parent)) {
                try (Stream<Path> entries = Files.list(parent)) {
                    entries.filter(Files::isDirectory).sorted().forEach(dirs::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        List<Problem> problems = new ArrayList<>();
        if (dirs.isEmpty()) {
            return new FamilyReport(family(), 0, problems);
        }
        Path tflint = consumers.cache().resolve("bin/tflint");
        if (!Files.isExecutable(tflint)) {
            return new FamilyReport(family(), dirs.size(), List.of(new Problem("(harness)",
                    "tflint is not built; run scripts/install-consumers")));
        }
        for (Path dir : dirs) {
            String name = tree.relativize(dir).toString();
            ExternalTool.Result result = ExternalTool.run(dir, List.of(tflint.toString(), "--config=" + config.toAbsolutePath(),
                    "--format=json", "--no-color"));
            try {
                JsonNode report = new ObjectMapper().readTree(result.output());
                for (JsonNode issue : report.path("issues")) {
                    JsonNode range = issue.path("range");
                    problems.add(new Problem(name + "/" + range.path("filename").asText() + ":" + range.path("start").path("line").asInt(),
                            issue.path("rule").path("name").asText() + ": " + issue.path("message").asText()));
                }
                for (JsonNode error : report.path("errors")) {
                    problems.add(new Problem(name, "tflint: " + error.path("message").asText()));
                }
            } catch (IOException e) {
                problems.add(new Problem(name, "tflint did not answer in JSON: " + result.output().strip()));
            }
        }
        return new FamilyReport(family(), dirs.size(), problems);
    }
}
