package dev.sitec.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sitec.BrokenSite;
import dev.sitec.render.RenderedFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 26, item 12: a cluster whose Flux its owner bootstrapped (flux.bootstrap: false, the test
 * cluster of sites/two-k3s-clusters.yaml) keeps the owner's tree. `flux bootstrap` writes the
 * flux-system GitRepository and Kustomization into the owner's cluster folder (gotk-sync.yaml, flux2
 * pkg/manifestgen/sync); the owner lists sitec's cluster folder in that folder's kustomization.yaml,
 * and kustomize (as kustomize-controller builds the sync path) must then build one set of objects:
 * sitec's layers, no second flux-system sync. Run with kubectl kustomize.
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

    /** The owner's repository: their bootstrapped cluster folder, and sitec's tree at generated/. */
    private Path repository(String includedFolder) throws Exception {
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
        Files.writeString(repo.resolve("clusters/test/kustomization.yaml"), "apiVersion: kustomize.config.k8s.io/v1beta1\n"
                + "kind: Kustomization\nresources:\n  - flux-system\n  - ../../" + includedFolder + "\n");
        return repo;
    }

    @Test
    void theOwnersTreeIncludesTheClustersLayersAndKeepsItsOwnSync() throws Exception {
        assumeTrue(System.getenv("CI") != null || ExternalTool.available("kubectl"), "kubectl is not installed");
        Path repo = repository("generated/flux/clusters/test");
        ExternalTool.Result built = ExternalTool.run(repo, List.of("kubectl", "kustomize", "clusters/test"));
        assertThat(built.ok()).as(built.output()).isTrue();
        assertThat(built.output()).contains("name: infra-controllers", "name: infra-configs", "name: apps",
                "path: ./generated/flux/infrastructure/test/controllers", "path: ./clusters/test");
        assertThat(built.output().split("\nkind: GitRepository\n", -1)).hasSize(2);

        // A cluster sitec bootstraps carries its own flux-system sync: included so, the two would clash.
        ExternalTool.Result clash = ExternalTool.run(repository("generated/flux/clusters/prod"),
                List.of("kubectl", "kustomize", "clusters/test"));
        assertThat(clash.ok()).isFalse();
        assertThat(clash.output()).contains("flux-system");
    }
}
