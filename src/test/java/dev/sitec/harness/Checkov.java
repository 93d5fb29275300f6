package dev.sitec.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * checkov's security scan of the generated Terraform, Kubernetes and Ansible, with the project's
 * configuration (scripts/harness/checkov.yaml: the accepted checks, each with its reason). Every
 * other failed check is a problem, at its file and lines.
 */
final class Checkov implements HarnessCheck {

    private final Consumers consumers;
    private final Path config;

    Checkov(Consumers consumers, Path config) {
        this.consumers = consumers;
        this.config = config;
    }

    @Override
    public String family() {
        return "security (checkov " + consumers.version("CHECKOV") + ": terraform, kubernetes, ansible)";
    }

    @Override
    public FamilyReport check(Path tree) {
        Path checkov = consumers.cache().resolve("checkov-" + consumers.version("CHECKOV") + "/bin/checkov");
        if (!Files.isExecutable(checkov)) {
            return new FamilyReport(family(), 0, List.of(new Problem("(harness)", "checkov is not installed; run scripts/install-consumers")));
        }
        ExternalTool.Output run = ExternalTool.runApart(tree, List.of(checkov.toString(), "--config-file",
                config.toAbsolutePath().toString(), "--directory", tree.toAbsolutePath().toString(), "--output", "json"), null);
        List<Problem> problems = new ArrayList<>();
        int resources = 0;
        try {
            JsonNode report = new ObjectMapper().readTree(run.stdout().isBlank() ? "[]" : run.stdout());
            List<JsonNode> frameworks = new ArrayList<>();
            if (report.isArray()) {
                report.forEach(frameworks::add);
            } else {
                frameworks.add(report);
            }
            for (JsonNode framework : frameworks) {
                JsonNode summary = framework.path("summary");
                resources += summary.path("passed").asInt() + summary.path("failed").asInt();
                for (JsonNode failed : framework.path("results").path("failed_checks")) {
                    JsonNode lines = failed.path("file_line_range");
                    problems.add(new Problem(failed.path("file_path").asText().replaceFirst("^/", "") + ":" + lines.path(0).asInt(),
                            failed.path("check_id").asText() + ": " + failed.path("check_name").asText()
                                    + " (" + failed.path("resource").asText() + ")"));
                }
                if (summary.path("parsing_errors").asInt() > 0) {
                    problems.add(new Problem("(checkov)", framework.path("check_type").asText() + ": "
                            + summary.path("parsing_errors").asInt() + " file(s) checkov could not parse"));
                }
            }
        } catch (IOException e) {
            problems.add(new Problem("(harness)", "checkov did not answer in JSON: " + run.stderr().strip()));
        }
        return new FamilyReport(family(), resources, problems);
    }
}
