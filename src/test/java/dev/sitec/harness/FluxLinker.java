package dev.sitec.harness;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Links a Flux tree like a linker: every sourceRef, dependsOn, namespace and storageClassName
 * resolves to something the tree defines (or that Kubernetes and Flux always have), every
 * Kustomization path is a folder of the tree and every Helm repository is https. (Chart versions
 * are read by Flux's own semver library: FluxBuild.)
 */
final class FluxLinker {

    /** Namespaces that exist without the tree: Kubernetes' own, and Flux's (made by its install). */
    private static final Set<String> BUILTIN_NAMESPACES = Set.of("default", "kube-system", "kube-public", "flux-system");
    /** StorageClasses that exist without the tree: the one the Longhorn chart creates. */
    private static final Set<String> BUILTIN_STORAGE_CLASSES = Set.of("longhorn");

    private record Doc(String file, JsonNode node) {
        String kind() {
            return node.path("kind").asText();
        }

        String name() {
            return node.path("metadata").path("name").asText();
        }

        String namespace() {
            return node.path("metadata").path("namespace").asText("");
        }
    }

    private FluxLinker() {
    }

    /**
     * Links the tree under {@code root}/flux; {@code repositoryPrefix} is where that folder sits in
     * the Git repository (Kustomization paths are relative to the repository).
     */
    static List<Problem> link(Path root, String repositoryPrefix) {
        List<Doc> docs = new ArrayList<>();
        for (Path file : TreeFiles.under(root, "flux", YamlLint::isYaml)) {
            try {
                for (JsonNode node : Yaml.documents(file)) {
                    docs.add(new Doc(TreeFiles.relative(root, file), node));
                }
            } catch (IOException e) {
                return List.of(new Problem(TreeFiles.relative(root, file), "not YAML"));
            }
        }
        Map<String, Set<String>> defined = new TreeMap<>();
        for (Doc doc : docs) {
            String ns = doc.kind().equals("Namespace") || doc.kind().equals("StorageClass") || doc.kind().equals("RuntimeClass")
                    ? "" : doc.namespace();
            defined.computeIfAbsent(doc.kind(), k -> new HashSet<>()).add(ns + "/" + doc.name());
        }
        // A cluster folder without flux-system.yaml belongs to a Flux its owner bootstrapped
        // (flux.bootstrap: false): that bootstrap made the flux-system GitRepository its layers read.
        boolean ownerBootstrapped = docs.stream().map(Doc::file).filter(f -> f.startsWith("flux/clusters/"))
                .map(f -> f.substring(0, f.lastIndexOf('/') + 1))
                .anyMatch(folder -> !Files.isRegularFile(root.resolve(folder + "flux-system.yaml")));
        if (ownerBootstrapped) {
            defined.computeIfAbsent("GitRepository", k -> new HashSet<>()).add("flux-system/flux-system");
        }
        Set<String> namespaces = new HashSet<>(BUILTIN_NAMESPACES);
        defined.getOrDefault("Namespace", Set.of()).forEach(n -> namespaces.add(n.substring(1)));
        Set<String> storageClasses = new HashSet<>(BUILTIN_STORAGE_CLASSES);
        defined.getOrDefault("StorageClass", Set.of()).forEach(n -> storageClasses.add(n.substring(1)));

        List<Problem> problems = new ArrayList<>();
        for (Doc doc : docs) {
            String what = doc.kind() + " " + doc.name();
            if (!doc.namespace().isEmpty() && !namespaces.contains(doc.namespace())) {
                problems.add(new Problem(doc.file(), what + " is in namespace " + doc.namespace() + ", which nothing creates"));
            }
            JsonNode spec = doc.node().path("spec");
            switch (doc.kind()) {
                case "Kustomization" -> {
                    if (doc.node().path("apiVersion").asText().startsWith("kustomize.toolkit.fluxcd.io")) {
                        ref(problems, doc, spec.path("sourceRef"), defined);
                        for (JsonNode dependency : spec.path("dependsOn")) {
                            String ns = dependency.path("namespace").asText(doc.namespace());
                            if (!defined.getOrDefault("Kustomization", Set.of()).contains(ns + "/" + dependency.path("name").asText())) {
                                problems.add(new Problem(doc.file(), what + " depends on Kustomization "
                                        + dependency.path("name").asText() + ", which is not defined"));
                            }
                        }
                        String path = spec.path("path").asText().replaceFirst("^\\./", "");
                        if (!path.startsWith(repositoryPrefix + "/")
                                || !Files.isRegularFile(root.resolve("flux").resolve(path.substring(repositoryPrefix.length() + 1))
                                        .resolve("kustomization.yaml"))) {
                            problems.add(new Problem(doc.file(), what + " syncs path " + spec.path("path").asText()
                                    + ", which is no kustomization folder of the tree"));
                        }
                    }
                }
                case "HelmRelease" -> {
                    JsonNode chart = spec.path("chart").path("spec");
                    ref(problems, doc, chart.path("sourceRef"), defined);
                    storageClassNames(spec.path("values"), storageClasses, doc, problems);
                }
                case "HelmRepository" -> {
                    if (!spec.path("url").asText().startsWith("https://")) {
                        problems.add(new Problem(doc.file(), what + " is not served over https: " + spec.path("url").asText()));
                    }
                }
                default -> storageClassNames(doc.node(), storageClasses, doc, problems);
            }
        }
        return problems;
    }

    private static void ref(List<Problem> problems, Doc doc, JsonNode ref, Map<String, Set<String>> defined) {
        String kind = ref.path("kind").asText();
        String ns = ref.path("namespace").asText(doc.namespace());
        if (!defined.getOrDefault(kind, Set.of()).contains(ns + "/" + ref.path("name").asText())) {
            problems.add(new Problem(doc.file(), doc.kind() + " " + doc.name() + " refers to " + kind + " "
                    + ns + "/" + ref.path("name").asText() + ", which is not defined"));
        }
    }

    private static void storageClassNames(JsonNode node, Set<String> classes, Doc doc, List<Problem> problems) {
        node.fields().forEachRemaining(e -> {
            if (e.getKey().equals("storageClassName") || e.getKey().equals("storageClass")) {
                if (e.getValue().isTextual() && !classes.contains(e.getValue().asText())) {
                    problems.add(new Problem(doc.file(), doc.kind() + " " + doc.name() + " uses StorageClass "
                            + e.getValue().asText() + ", which is not defined"));
                }
            } else {
                storageClassNames(e.getValue(), classes, doc, problems);
            }
        });
        if (node.isArray()) {
            node.forEach(item -> storageClassNames(item, classes, doc, problems));
        }
    }
}
