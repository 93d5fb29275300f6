package dev.sitec.harness;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Every kustomization builds with `kubectl kustomize`, and every document validates against the
 * schema of its apiVersion and kind (unknown fields refused); a document with no schema is a problem.
 */
final class FluxCheck implements HarnessCheck {

    private final YamlLint yamlLint;

    FluxCheck(YamlLint yamlLint) {
        this.yamlLint = yamlLint;
    }

    @Override
    public String family() {
        return "flux";
    }

    /**
     * Where the tree's flux folder sits in its Git repository: read from the sync Kustomization that
     * points at a cluster folder of this tree (flux-system), else the default generated/flux.
     */
    static String repositoryPrefix(Path root) {
        for (Path file : TreeFiles.under(root, "flux", p -> TreeFiles.named(p, "flux-system.yaml"))) {
            try {
                for (JsonNode doc : Yaml.documents(file)) {
                    String path = doc.path("spec").path("path").asText("");
                    String folder = root.resolve("flux").relativize(file.getParent()).toString();
                    if (doc.path("kind").asText().equals("Kustomization") && path.endsWith("/" + folder)) {
                        return path.replaceFirst("^\\./", "").substring(0, path.replaceFirst("^\\./", "").length() - folder.length() - 1);
                    }
                }
            } catch (IOException e) {
                // reported as a YAML problem by the schema checks
            }
        }
        return "generated/flux";
    }

    @Override
    public FamilyReport check(Path root) {
        List<Path> files = TreeFiles.under(root, "flux", YamlLint::isYaml);
        List<Problem> problems = new ArrayList<>();
        if (files.isEmpty()) {
            return new FamilyReport(family(), 0, problems);
        }
        KubernetesSchemas schemas = new KubernetesSchemas();
        for (Path file : files) {
            String name = TreeFiles.relative(root, file);
            try {
                for (JsonNode doc : Yaml.documents(file)) {
                    var schema = schemas.forDocument(doc);
                    if (schema.isEmpty()) {
                        problems.add(new Problem(name, "no schema for " + doc.path("apiVersion").asText() + " "
                                + doc.path("kind").asText()));
                        continue;
                    }
                    JsonSchemas.validate(schema.get(), doc).forEach(p -> problems.add(new Problem(name,
                            doc.path("kind").asText() + " " + doc.path("metadata").path("name").asText() + ": " + p)));
                    if (doc.path("kind").asText().equals("HelmRelease")) {
                        HelmValues.check(doc).forEach(p -> problems.add(new Problem(name,
                                "HelmRelease " + doc.path("metadata").path("name").asText() + ": " + p)));
                    }
                }
            } catch (IOException e) {
                problems.add(new Problem(name, "not YAML: " + e.getMessage().lines().findFirst().orElse("")));
            }
            if (TreeFiles.named(file, "kustomization.yaml")) {
                if (!ExternalTool.available("kubectl")) {
                    problems.add(ExternalTool.missing("kubectl"));
                } else {
                    ExternalTool.Result built = ExternalTool.run(root, List.of("kubectl", "kustomize",
                            file.getParent().toAbsolutePath().toString()));
                    if (!built.ok()) {
                        problems.add(new Problem(name, "kubectl kustomize: " + built.output().strip().replace('\n', ' ')));
                    }
                }
            }
        }
        problems.addAll(FluxLinker.link(root, repositoryPrefix(root)));
        problems.addAll(yamlLint.check(root, files));
        return new FamilyReport(family(), files.size(), problems);
    }
}
