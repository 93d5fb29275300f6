package dev.sitec.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Flux itself: `flux build kustomization` (Flux's own kustomize and substitution logic) for every
 * Flux Kustomization in the tree's cluster folders, against its path (with --strict-substitute: a
 * variable the tree uses and no Kustomization sets is an error), and kubeconform -strict over
 * every document it builds and over the cluster folders' own files, with schemas made from
 * Kubernetes' OpenAPI documents and the Flux CRDs at the pinned versions (scripts/install-consumers).
 * Every build error and every invalid document is a problem.
 *
 * <p>The tree is checked at the place in its repository that the sync Kustomization names (for
 * example generated/flux), in a copy, since each Kustomization's path is relative to the repository.
 */
final class FluxBuild implements HarnessCheck {

    private final Consumers consumers;

    FluxBuild(Consumers consumers) {
        this.consumers = consumers;
    }

    @Override
    public String family() {
        return "flux (flux " + consumers.version("FLUX") + " build, kubeconform " + consumers.version("KUBECONFORM")
                + ", Kubernetes " + consumers.version("KUBERNETES") + ")";
    }

    private Path flux() {
        return consumers.cache().resolve("bin/flux-" + consumers.version("FLUX"));
    }

    private Path kubeconform() {
        return consumers.cache().resolve("bin/kubeconform");
    }

    private Path schemas() {
        return consumers.cache().resolve("kube-schemas/k8s-" + consumers.version("KUBERNETES") + "-flux-" + consumers.version("FLUX"));
    }

    @Override
    public FamilyReport check(Path tree) {
        // kustomization.yaml is kustomize's own file, not a Kubernetes object (FluxCheck checks it).
        List<Path> clusterFiles = TreeFiles.under(tree, "flux/clusters",
                p -> YamlLint.isYaml(p) && !TreeFiles.named(p, "kustomization.yaml"));
        List<Problem> problems = new ArrayList<>();
        if (clusterFiles.isEmpty()) {
            return new FamilyReport(family(), 0, problems);
        }
        if (!Files.isExecutable(flux()) || !Files.isExecutable(kubeconform()) || !Files.exists(schemas().resolve(".done"))) {
            return new FamilyReport(family(), clusterFiles.size(), List.of(new Problem("(harness)",
                    "the Flux CLI, kubeconform or their schemas are not built; run scripts/install-consumers")));
        }
        problems.addAll(chartVersions(tree));
        String prefix = FluxCheck.repositoryPrefix(tree);
        Path repository = copyAt(tree.resolve("flux"), prefix);
        try {
            int built = 0;
            for (Path file : clusterFiles) {
                String name = TreeFiles.relative(tree, file);
                problems.addAll(kubeconform(name, file.toAbsolutePath().toString(), null));
                for (JsonNode doc : documents(file)) {
                    if (!doc.path("kind").asText().equals("Kustomization")
                            || !doc.path("apiVersion").asText().startsWith("kustomize.toolkit.fluxcd.io/")) {
                        continue;
                    }
                    built++;
                    String kustomization = doc.path("metadata").path("name").asText();
                    Path copyOfFile = repository.resolve(prefix).resolve(tree.resolve("flux").relativize(file).toString());
                    ExternalTool.Output build = ExternalTool.runApart(repository, List.of(flux().toString(), "build", "kustomization",
                            kustomization, "--path", doc.path("spec").path("path").asText(), "--kustomization-file",
                            copyOfFile.toString(), "--dry-run", "--strict-substitute"), null);
                    String what = name + " (Kustomization " + kustomization + ")";
                    if (!build.ok()) {
                        problems.add(new Problem(what, "flux build: " + build.stderr().strip().replace('\n', ' ')));
                        continue;
                    }
                    problems.addAll(kubeconform(what, "-", build.stdout()));
                }
            }
            return new FamilyReport(family(), clusterFiles.size() + built, problems);
        } finally {
            TreeFiles.deleteRecursively(repository);
        }
    }

    /**
     * Every HelmRelease's chart version, as Flux reads it (Masterminds/semver): an exact version or
     * a range; anything else would leave the release unreconciled.
     */
    private List<Problem> chartVersions(Path tree) {
        List<String> files = new ArrayList<>();
        List<String> releases = new ArrayList<>();
        List<String> versions = new ArrayList<>();
        for (Path file : TreeFiles.under(tree, "flux", YamlLint::isYaml)) {
            for (JsonNode doc : documents(file)) {
                if (doc.path("kind").asText().equals("HelmRelease")) {
                    files.add(TreeFiles.relative(tree, file));
                    releases.add(doc.path("metadata").path("name").asText());
                    versions.add(doc.path("spec").path("chart").path("spec").path("version").asText());
                }
            }
        }
        if (versions.isEmpty()) {
            return List.of();
        }
        List<String> verdicts = ChartVersions.read(consumers, versions);
        if (verdicts == null) {
            return List.of(new Problem("(harness)", "semver-constraint is not built; run scripts/install-consumers"));
        }
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < verdicts.size(); i++) {
            if (verdicts.get(i).startsWith("invalid")) {
                problems.add(new Problem(files.get(i), "HelmRelease " + releases.get(i) + ": chart version '"
                        + versions.get(i) + "' is neither a version nor a range Flux reads ("
                        + verdicts.get(i).substring("invalid: ".length()) + ")"));
            }
        }
        return problems;
    }

    /** kubeconform -strict on a file, or on stdin (input given), each invalid document a problem. */
    private List<Problem> kubeconform(String name, String file, String input) {
        List<String> command = List.of(kubeconform().toString(), "-strict", "-output", "json", "-schema-location",
                schemas() + "/{{ .ResourceKind }}_{{ .Group }}_{{ .ResourceAPIVersion }}.json", file);
        ExternalTool.Output result = ExternalTool.runApart(schemas(), command, input);
        List<Problem> problems = new ArrayList<>();
        try {
            JsonNode report = new ObjectMapper().readTree(result.stdout());
            for (JsonNode resource : report.path("resources")) {
                String status = resource.path("status").asText();
                if (!status.equals("statusValid")) {
                    StringBuilder message = new StringBuilder("kubeconform: " + resource.path("kind").asText() + " "
                            + resource.path("name").asText() + ": ");
                    List<String> errors = new ArrayList<>();
                    resource.path("validationErrors").forEach(e -> errors.add(e.path("path").asText() + ": " + e.path("msg").asText()));
                    message.append(errors.isEmpty() ? resource.path("msg").asText() : String.join("; ", errors));
                    problems.add(new Problem(name, message.toString()));
                }
            }
        } catch (IOException e) {
            problems.add(new Problem(name, "kubeconform did not answer in JSON: " + result.stderr().strip()));
        }
        return problems;
    }

    private static List<JsonNode> documents(Path file) {
        try {
            return Yaml.documents(file);
        } catch (IOException e) {
            return List.of(); // reported by FluxCheck
        }
    }

    /** A temporary repository with the tree's flux folder at {@code prefix}. */
    private static Path copyAt(Path flux, String prefix) {
        try {
            Path repository = Files.createTempDirectory("sitec-flux-build");
            TreeFiles.copy(flux, repository.resolve(prefix), p -> false);
            return repository;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
