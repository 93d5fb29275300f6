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
 * Terraform itself, with the real bpg/proxmox provider built by scripts/install-consumers: for
 * every cluster root, {@code terraform init -backend=false} against the provider's filesystem
 * mirror, then {@code terraform validate -json}. Each error and warning is a problem, at the file
 * and line Terraform gives. Roots are checked in a copy of the tree, so the generated folder never
 * gets a .terraform folder or lock file.
 */
final class TerraformValidate implements HarnessCheck {

    private final Consumers consumers;

    TerraformValidate(Consumers consumers) {
        this.consumers = consumers;
    }

    @Override
    public String family() {
        return "terraform (" + consumers.terraformName() + " validate, bpg/proxmox " + consumers.bpgProvider() + ")";
    }

    @Override
    public FamilyReport check(Path tree) {
        Path clusters = tree.resolve("terraform/clusters");
        List<Path> roots = Files.isDirectory(clusters) ? list(clusters) : List.of();
        List<Problem> problems = new ArrayList<>();
        if (roots.isEmpty()) {
            return new FamilyReport(family(), 0, problems);
        }
        Problem missing = consumers.missingTerraform();
        if (missing != null) {
            return new FamilyReport(family(), roots.size(), List.of(missing));
        }
        Path copy = copyOf(tree);
        try {
            for (Path root : roots) {
                Path dir = copy.resolve(tree.relativize(root));
                String name = "terraform/clusters/" + root.getFileName();
                ExternalTool.Result init = ExternalTool.run(dir, consumers.terraformEnv(),
                        List.of(consumers.terraform(), "init", "-backend=false", "-input=false", "-no-color"));
                if (!init.ok()) {
                    problems.add(new Problem(name, "terraform init failed: " + init.output().strip()));
                    continue;
                }
                ExternalTool.Result validate = ExternalTool.run(dir, consumers.terraformEnv(),
                        List.of(consumers.terraform(), "validate", "-json", "-no-color"));
                problems.addAll(diagnostics(name, validate));
            }
        } finally {
            TreeFiles.deleteRecursively(copy);
        }
        return new FamilyReport(family(), roots.size(), problems);
    }

    /** Terraform's own diagnostics, each at the file and line it names (relative to the tree). */
    static List<Problem> diagnostics(String root, ExternalTool.Result validate) {
        List<Problem> problems = new ArrayList<>();
        JsonNode report;
        try {
            report = new ObjectMapper().readTree(validate.output());
        } catch (IOException e) {
            return List.of(new Problem(root, "terraform validate did not answer in JSON: " + validate.output().strip()));
        }
        for (JsonNode d : report.path("diagnostics")) {
            JsonNode range = d.path("range");
            String where = range.has("filename")
                    ? Path.of(root).resolve(range.path("filename").asText()).normalize() + ":"
                    + range.path("start").path("line").asInt()
                    : root;
            String detail = d.path("detail").asText("");
            problems.add(new Problem(where, d.path("severity").asText() + ": " + d.path("summary").asText()
                    + (detail.isEmpty() ? "" : " (" + detail.replace('\n', ' ') + ")")));
        }
        if (problems.isEmpty() && !report.path("valid").asBoolean(false)) {
            problems.add(new Problem(root, "terraform validate says the configuration is not valid"));
        }
        return problems;
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The terraform and cloud-init folders, which the roots read with relative paths. */
    private static Path copyOf(Path tree) {
        try {
            Path copy = Files.createTempDirectory("sitec-terraform-validate");
            for (String top : List.of("terraform", "cloud-init")) {
                if (Files.isDirectory(tree.resolve(top))) {
                    TreeFiles.copy(tree.resolve(top), copy.resolve(top), p -> p.toString().contains("/.terraform"));
                }
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
