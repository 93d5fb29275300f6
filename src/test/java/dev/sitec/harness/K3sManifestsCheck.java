package dev.sitec.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The manifests Ansible puts in K3s's manifests folder for a cluster without Flux
 * (ansible/host_files/FIRST-SERVER/manifests/): every document validates against the schema of its
 * apiVersion and kind (the vendored Kubernetes schemas, and helm-controller's HelmChart CRD, pinned in
 * contracts/k8s/helmchart-helm-cattle-v1.json), unknown fields refused; kubeconform -strict accepts each
 * file (with the Kubernetes schemas scripts/install-consumers builds, and the vendored HelmChart CRD);
 * and each HelmChart's valuesContent sets only values its chart has at the pinned version (HelmValues),
 * as a HelmRelease's values are checked.
 */
final class K3sManifestsCheck implements HarnessCheck {

    private final Consumers consumers;

    K3sManifestsCheck(Consumers consumers) {
        this.consumers = consumers;
    }

    @Override
    public String family() {
        return "k3s manifests (HelmChart helm.cattle.io/v1, kubeconform " + consumers.version("KUBECONFORM") + ")";
    }

    static List<Path> manifests(Path tree) {
        return TreeFiles.under(tree, "ansible/host_files", p -> YamlLint.isYaml(p) && p.getParent() != null
                && p.getParent().getFileName().toString().equals("manifests"));
    }

    @Override
    public FamilyReport check(Path tree) {
        List<Path> files = manifests(tree);
        List<Problem> problems = new ArrayList<>();
        if (files.isEmpty()) {
            return new FamilyReport(family(), 0, problems);
        }
        KubernetesSchemas schemas = new KubernetesSchemas();
        for (Path file : files) {
            String name = TreeFiles.relative(tree, file);
            try {
                for (JsonNode doc : Yaml.documents(file)) {
                    var schema = schemas.forDocument(doc);
                    if (schema.isEmpty()) {
                        problems.add(new Problem(name, "no schema for " + doc.path("apiVersion").asText() + " " + doc.path("kind").asText()));
                        continue;
                    }
                    JsonSchemas.validate(schema.get(), doc).forEach(p -> problems.add(new Problem(name,
                            doc.path("kind").asText() + " " + doc.path("metadata").path("name").asText() + ": " + p)));
                    if (doc.path("kind").asText().equals("HelmChart")) {
                        values(doc).forEach(p -> problems.add(new Problem(name, "HelmChart "
                                + doc.path("metadata").path("name").asText() + ": " + p)));
                    }
                }
            } catch (IOException e) {
                problems.add(new Problem(name, "not YAML: " + e.getMessage().lines().findFirst().orElse("")));
            }
        }
        problems.addAll(kubeconform(tree, files));
        return new FamilyReport(family(), files.size(), problems);
    }

    /** The HelmChart's valuesContent, checked as the values of a HelmRelease of the same chart and version. */
    static List<String> values(JsonNode helmChart) {
        JsonNode spec = helmChart.path("spec");
        ObjectNode release = JsonNodeFactory.instance.objectNode();
        ObjectNode releaseSpec = release.putObject("spec");
        releaseSpec.putObject("chart").putObject("spec").put("chart", spec.path("chart").asText())
                .put("version", spec.path("version").asText());
        String content = spec.path("valuesContent").asText("");
        if (content.isBlank()) {
            return List.of();
        }
        try {
            JsonNode values = new ObjectMapper(new YAMLFactory()).readTree(content);
            if (!values.isObject()) {
                return List.of("valuesContent is not a map of values");
            }
            releaseSpec.set("values", values);
        } catch (IOException e) {
            return List.of("valuesContent is not YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        return HelmValues.check(release);
    }

    private List<Problem> kubeconform(Path tree, List<Path> files) {
        Path kubeconform = consumers.cache().resolve("bin/kubeconform");
        Path kubernetes = consumers.cache().resolve("kube-schemas/k8s-" + consumers.version("KUBERNETES") + "-flux-"
                + consumers.version("FLUX"));
        if (!Files.isExecutable(kubeconform) || !Files.exists(kubernetes.resolve(".done"))) {
            return List.of(new Problem("(harness)", "kubeconform or its schemas are not built; run scripts/install-consumers"));
        }
        Path vendored;
        try {
            vendored = Path.of(K3sManifestsCheck.class.getResource("/contracts/k8s").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<Problem> problems = new ArrayList<>();
        for (Path file : files) {
            List<String> command = List.of(kubeconform.toString(), "-strict", "-output", "json",
                    "-schema-location", kubernetes + "/{{ .ResourceKind }}_{{ .Group }}_{{ .ResourceAPIVersion }}.json",
                    // helm-controller's HelmChart CRD, pinned (contracts/k8s/helmchart-helm-cattle-v1.json).
                    "-schema-location", vendored + "/{{ .ResourceKind }}-helm-cattle-{{ .ResourceAPIVersion }}.json",
                    file.toAbsolutePath().toString());
            ExternalTool.Output result = ExternalTool.runApart(kubernetes, command, null);
            String name = TreeFiles.relative(tree, file);
            try {
                JsonNode report = new ObjectMapper().readTree(result.stdout());
                for (JsonNode resource : report.path("resources")) {
                    if (!resource.path("status").asText().equals("statusValid")) {
                        List<String> errors = new ArrayList<>();
                        resource.path("validationErrors").forEach(e -> errors.add(e.path("path").asText() + ": " + e.path("msg").asText()));
                        problems.add(new Problem(name, "kubeconform: " + resource.path("kind").asText() + " "
                                + resource.path("name").asText() + ": " + (errors.isEmpty() ? resource.path("msg").asText()
                                : String.join("; ", errors))));
                    }
                }
            } catch (IOException e) {
                problems.add(new Problem(name, "kubeconform did not answer in JSON: " + result.stderr().strip()));
            }
        }
        return problems;
    }
}
