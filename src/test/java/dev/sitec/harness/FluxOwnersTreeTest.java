package dev.sitec.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitec.BrokenSite;
import dev.sitec.render.RenderedFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 26, item 12: a cluster whose Flux its owner bootstrapped (flux.bootstrap: false, the test
 * cluster of sites/two-k3s-clusters.yaml) keeps the owner's tree. `flux bootstrap` writes the
 * flux-system GitRepository and Kustomization into clusters/NAME/flux-system/ (flux2 v2.9.1
 * pkg/manifestgen/sync; bootstrap_plain_git.go writes a kustomization.yaml only there), and the
 * sync Kustomization's path is ./clusters/NAME, a folder without one, for which Flux generates it.
 * The owner copies sitec's entry (flux/entries/test.yaml) there beside their own Kustomizations,
 * named as flux2-kustomize-helm-example names them. Run with the Flux CLI, which generates the
 * folder's kustomization as kustomize-controller does: the owner's folder builds with sitec's entry,
 * sitec's folder builds from the entry, and no two Kustomizations share a name.
 */
class FluxOwnersTreeTest {

    @TempDir
    Path dir;

    private static final String GOTK_SYNC = """
            apiVersion: source.toolkit.fluxcd.io/v1
            kind: GitRepository
            metadata:
              name: flux-system
              namespace: flux-system
            spec:
              interval: 1m0s
              ref:
                branch: main
              secretRef:
                name: flux-system
              url: ssh://git@git.shop.example.net/ops/platform.git
            ---
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata:
              name: flux-system
              namespace: flux-system
            spec:
              interval: 10m0s
              path: ./clusters/test
              prune: true
              sourceRef:
                kind: GitRepository
                name: flux-system
            """;

    /** The owner's own layers, as flux2-kustomize-helm-example's clusters/production/apps.yaml has them. */
    private static final String OWNERS_APPS = """
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata:
              name: apps
              namespace: flux-system
            spec:
              interval: 10m0s
              path: ./apps/test
              prune: true
              sourceRef:
                kind: GitRepository
                name: flux-system
            """;

    @Test
    void theOwnersTreeSyncsSitecsLayersBesideItsOwn() throws Exception {
        Path flux = Consumers.of(Path.of("").toAbsolutePath()).cache().resolve("bin/flux-2.9.1");
        assumeTrue(System.getenv("CI") != null || Files.isExecutable(flux), "the Flux CLI is not built");
        Path repo = dir.resolve("repo");
        Map<String, RenderedFile> files = BrokenSite.of(Files.readString(Path.of("sites/two-k3s-clusters.yaml")))
                .generate(Files.createDirectories(dir.resolve("gen")));
        for (var file : files.entrySet()) {
            Path target = repo.resolve("generated").resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue().text());
        }
        Path cluster = Files.createDirectories(repo.resolve("clusters/test/flux-system"));
        Files.writeString(cluster.resolve("gotk-sync.yaml"), GOTK_SYNC);
        Files.writeString(cluster.resolve("kustomization.yaml"), "apiVersion: kustomize.config.k8s.io/v1beta1\n"
                + "kind: Kustomization\nresources:\n  - gotk-sync.yaml\n");
        Files.writeString(repo.resolve("clusters/test/apps.yaml"), OWNERS_APPS);
        Files.copy(repo.resolve("generated/flux/entries/test.yaml"), repo.resolve("clusters/test/sitec-test.yaml"));

        String owners = build(flux, repo, "flux-system", "./clusters/test", "clusters/test/flux-system/gotk-sync.yaml");
        String sitecs = build(flux, repo, "sitec-test", "./generated/flux/clusters/test", "clusters/test/sitec-test.yaml");
        List<String> names = new ArrayList<>(kustomizations(owners));
        names.addAll(kustomizations(sitecs));
        assertThat(names).containsExactlyInAnyOrder("flux-system", "apps", "sitec-test", "sitec-infra-controllers",
                "sitec-infra-configs", "sitec-apps");
        assertThat(sitecs).contains("path: ./generated/flux/infrastructure/test/controllers");
    }

    private static String build(Path flux, Path repo, String name, String path, String file) {
        ExternalTool.Result built = ExternalTool.run(repo, List.of(flux.toString(), "build", "kustomization", name,
                "--path", path, "--kustomization-file", file, "--dry-run"));
        assertThat(built.ok()).as(built.output()).isTrue();
        return built.output();
    }

    private List<String> kustomizations(String yaml) throws Exception {
        Path file = Files.createTempFile(dir, "built", ".yaml");
        Files.writeString(file, yaml);
        List<String> names = new ArrayList<>();
        for (JsonNode doc : Yaml.documents(file)) {
            if (doc.path("kind").asText().equals("Kustomization") && doc.path("apiVersion").asText().startsWith("kustomize.toolkit")) {
                names.add(doc.path("metadata").path("name").asText());
            }
        }
        return names;
    }
}
