package dev.sitec.family;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitec.BrokenSite;
import dev.sitec.change.ChangePlan;
import dev.sitec.change.SiteComparison;
import dev.sitec.render.RenderedFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Format v2's several K3s clusters (sites/two-k3s-clusters.yaml): each its own Ansible groups and
 * token, its own Flux folders; the rules that keep them apart; plan across them.
 */
class TwoK3sClustersTest {

    @TempDir
    Path dir;

    private static BrokenSite site() {
        try {
            return BrokenSite.of(Files.readString(Path.of("sites/two-k3s-clusters.yaml")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theSiteValidatesWithoutFindings() {
        assertThat(site().diagnostics(dir)).isEmpty();
    }

    @Test
    void eachClusterHasItsOwnGroupsTokenAndPlaybookLimit() {
        Map<String, RenderedFile> files = site().generate(dir);
        String hosts = files.get("ansible/inventory/hosts.yml").text();
        assertThat(hosts).contains("    k3s_servers_prod:\n      hosts:\n        prod-cp-1: {}\n        prod-cp-2: {}\n        prod-cp-3: {}\n",
                "    k3s_servers_test:\n      hosts:\n        test-cp-1: {}\n",
                "    k3s_cluster_test:\n      children:\n        k3s_servers_test: {}\n        k3s_agents_test: {}\n",
                "    k3s_servers:\n      children:\n        k3s_servers_prod: {}\n        k3s_servers_test: {}\n",
                "    k3s_cluster:\n      children:\n        k3s_cluster_prod: {}\n        k3s_cluster_test: {}\n");
        assertThat(files.get("ansible/inventory/group_vars/k3s_cluster_prod.yml").text())
                .contains("k3s_cluster_first_server: !unsafe \"prod-cp-1\"\nk3s_token: \"{{ sitec_secret_k3s_token }}\"\n");
        assertThat(files.get("ansible/inventory/group_vars/k3s_cluster_test.yml").text())
                .contains("k3s_cluster_first_server: !unsafe \"test-cp-1\"\nk3s_token: \"{{ sitec_secret_k3s_token_test }}\"\n",
                        "k3s_version: !unsafe \"v1.37.1+k3s1\"", "k3s_api_vip: !unsafe \"10.20.0.30\"");
        assertThat(files.get("ansible/host_files/test-cp-1/k3s-server.yaml").text()).contains("  - \"10.20.0.30\"");
        // The test cluster's Flux is bootstrapped by its owner (flux.bootstrap: false): no sync of sitec's.
        assertThat(files).doesNotContainKey("flux/clusters/test/flux-system.yaml");
        assertThat(files).containsKeys("flux/clusters/prod/flux-system.yaml", "flux/clusters/test/infrastructure.yaml",
                "flux/infrastructure/prod/controllers/longhorn.yaml", "flux/apps/prod/podinfo/release.yaml",
                "flux/apps/test/podinfo/release.yaml");
        assertThat(files).doesNotContainKey("flux/infrastructure/test/controllers/longhorn.yaml");
        assertThat(files.get("flux/clusters/test/infrastructure.yaml").text())
                .contains("path: \"./generated/flux/infrastructure/test/controllers\"");
    }

    /**
     * Issue 24, item 21: each cluster's API certificate names that cluster (K3s tls-san), never a
     * name the other cluster's certificate carries too.
     */
    @Test
    void eachClustersApiCertificateHasItsOwnName() {
        Map<String, RenderedFile> files = site().generate(dir);
        String prod = files.get("ansible/host_files/prod-cp-1/k3s-server.yaml").text();
        String test = files.get("ansible/host_files/test-cp-1/k3s-server.yaml").text();
        assertThat(prod).contains("tls-san:\n  - \"10.20.0.10\"\n  - \"prod.shop.example.net\"\n  - \"prod-cp-1.shop.example.net\"\n");
        assertThat(test).contains("tls-san:\n  - \"10.20.0.30\"\n  - \"test.shop.example.net\"\n  - \"test-cp-1.shop.example.net\"\n");
        assertThat(prod + test).doesNotContain("\"shop.shop.example.net\"");
    }

    @Test
    void aHostIsANodeOfOneClusterOnly() {
        BrokenSite site = site().replace("    servers: [test-cp-1]\n", "    servers: [test-cp-1]\n    agents: [prod-w-1]   # also prod's\n");
        assertThat(site.errors(dir)).containsExactly(site.error("    agents: [prod-w-1]   # also prod's", "prod-w-1",
                "'prod-w-1' is a node of K3s cluster 'prod' already; a host runs one K3s", "take it out of one of the clusters"));
    }

    @Test
    void eachClusterHasItsOwnToken() {
        BrokenSite site = site().replace("    token_secret: k3s_token_test\n", "");
        assertThat(site.errors(dir)).containsExactly(site.error("    distribution: k3s\n    version: v1.37.1", "distribution",
                "K3s clusters 'prod' and 'test' share the join token secret 'k3s_token'",
                "give cluster 'test' its own: token_secret: k3s_token_test, declared under secrets"));
    }

    @Test
    void eachClusterSyncsItsOwnFluxFolder() {
        BrokenSite site = site().replace("branch: main, path: clusters/test,", "branch: test, path: clusters/prod,");
        assertThat(site.errors(dir)).containsExactly(site.error("branch: test, path: clusters/prod,", "clusters/prod",
                "K3s clusters 'prod' and 'test' sync the same Flux folder clusters/prod",
                "give cluster 'test' its own path, e.g. clusters/test"));
    }

    @Test
    void aClusterMayTakeANameSitecGroupsAcrossClustersBy() {
        // Issue 26, item 9: names are the user's. Clusters 'cluster' and 'servers' (once refused: their groups were
        // k3s_cluster and k3s_servers, sitec's own) get groups no other name and none of sitec's can give.
        BrokenSite site = site().replace("  test:\n    distribution", "  servers:\n    distribution")
                .replace("path: clusters/test", "path: clusters/servers")
                .replace("  prod:\n    distribution", "  cluster:\n    distribution")
                .replace("path: clusters/prod", "path: clusters/cluster");
        assertThat(site.errors(dir)).isEmpty();
        String hosts = site.generate(dir).get("ansible/inventory/hosts.yml").text();
        assertThat(hosts).contains(
                "    k3s_cluster_cluster:\n      children:\n        k3s_servers_cluster: {}\n        k3s_agents_cluster: {}\n",
                "    k3s_cluster_servers:\n      children:\n        k3s_servers_servers: {}\n        k3s_agents_servers: {}\n",
                "    k3s_servers:\n      children:\n        k3s_servers_cluster: {}\n        k3s_servers_servers: {}\n",
                "    k3s_cluster:\n      children:\n        k3s_cluster_cluster: {}\n        k3s_cluster_servers: {}\n");
    }

    @Test
    void planSaysWhichClusterAChangeIsIn() {
        BrokenSite edited = site().replace("version: v1.37.1+k3s1        # the next minor version, tried here first",
                "version: v1.38.0+k3s1");
        ChangePlan plan = SiteComparison.compare(model(site()), model(edited));
        assertThat(plan.changes()).singleElement().satisfies(c -> {
            assertThat(c.subject()).isEqualTo("k3s test");
            assertThat(c.detail()).isEqualTo("version v1.37.1+k3s1 -> v1.38.0+k3s1");
            assertThat(c.isRefused()).isFalse();
        });
    }

    private static dev.sitec.model.Site model(BrokenSite site) {
        return new dev.sitec.SiteCompiler().validateText(site.text(), "site.yaml").site().orElseThrow();
    }

    /**
     * Issue 26, item 12: sitec taking over the Flux its owner bootstrapped replaces the owner's sync
     * path with its own; handing a cluster sitec bootstrapped to its owner would, once pushed, have
     * the running sync prune Flux itself (destroys data, with the order that avoids it); plan says so.
     */
    @Test
    void planSaysWhoseSyncTheClusterFollows() {
        // Handing a cluster sitec bootstrapped to its owner: the pushed tree would prune Flux itself.
        BrokenSite prodBootstrapped = site();
        BrokenSite prodHandedOver = site().replace("path: clusters/prod }", "path: clusters/prod, bootstrap: false }");
        assertThat(dev.sitec.change.SiteComparison.compare(model(prodBootstrapped), model(prodHandedOver)).changes())
                .singleElement().satisfies(c -> {
                    assertThat(c.kind()).isEqualTo(dev.sitec.change.ChangeKind.DESTROYS_DATA);
                    assertThat(c.detail()).isEqualTo("flux bootstrap true -> false");
                    assertThat(c.cause()).contains("pushing this tree takes flux-system.yaml out of"
                            + " generated/flux/clusters/prod, which the running flux-system Kustomization syncs with prune:"
                            + " Flux would delete its own source and sync and what they applied. First point that sync at"
                            + " your own tree's folder (kubectl -n flux-system patch kustomization flux-system --type merge"
                            + " -p '{\"spec\":{\"path\":\"./clusters/prod\"}}', or flux bootstrap --path there), with"
                            + " flux/entries/prod.yaml in it; then push");
                });
        BrokenSite owned = site();
        BrokenSite bootstrapped = site().replace("path: clusters/test, bootstrap: false }", "path: clusters/test }");
        assertThat(dev.sitec.change.SiteComparison.compare(model(owned), model(bootstrapped))
                .changes()).singleElement().satisfies(c -> assertThat(c.cause()).contains("the playbook bootstraps"
                        + " Flux with sitec's sync: the flux-system Kustomization then syncs generated/flux/clusters/test, no"
                        + " longer the owner's tree"));
        // Another Flux setting of an owner's cluster: the entry the owner copied changes with it.
        BrokenSite moved = site().replace("path: clusters/test, bootstrap: false }", "path: clusters/qa, bootstrap: false }");
        assertThat(dev.sitec.change.SiteComparison.compare(model(owned), model(moved)).changes()).singleElement()
                .satisfies(c -> assertThat(c.cause()).contains("sitec bootstraps no Flux there: copy flux/entries/test.yaml"
                        + " into your tree again"));
    }

}
