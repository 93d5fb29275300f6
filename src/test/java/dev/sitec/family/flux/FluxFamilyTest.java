package dev.sitec.family.flux;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.sitec.BrokenSite;
import dev.sitec.render.RenderedFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FluxFamilyTest {

    @TempDir
    Path dir;

    private Map<String, RenderedFile> generate(BrokenSite site) throws Exception {
        return site.generate(Files.createTempDirectory(dir, "s"));
    }

    private static List<JsonNode> docs(RenderedFile file) throws Exception {
        List<JsonNode> docs = new ArrayList<>();
        try (MappingIterator<JsonNode> it = new YAMLMapper().readerFor(JsonNode.class).readValues(file.text())) {
            while (it.hasNext()) {
                docs.add(it.next());
            }
        }
        return docs;
    }

    @Test
    void layersRunControllersThenConfigsThenApps() throws Exception {
        var files = generate(BrokenSite.reference());
        List<JsonNode> infra = docs(files.get("flux/clusters/homelab/infrastructure.yaml"));
        assertThat(infra).extracting(d -> d.at("/metadata/name").asText()).containsExactly("infra-controllers", "infra-configs");
        assertThat(infra.get(0).at("/spec/wait").asBoolean()).isTrue();
        assertThat(infra.get(1).at("/spec/dependsOn/0/name").asText()).isEqualTo("infra-controllers");
        assertThat(infra.get(0).at("/spec/path").asText()).isEqualTo("./generated/flux/infrastructure/homelab/controllers");
        JsonNode apps = docs(files.get("flux/clusters/homelab/apps.yaml")).get(0);
        assertThat(apps.at("/spec/dependsOn/0/name").asText()).isEqualTo("infra-configs");
        JsonNode sync = docs(files.get("flux/clusters/homelab/flux-system.yaml")).get(1);
        assertThat(sync.at("/spec/path").asText()).isEqualTo("./generated/flux/clusters/homelab");
    }

    @Test
    void longhornKeepsReplicasOnDedicatedDisksAndIsTheDefaultClass() throws Exception {
        var files = generate(BrokenSite.reference());
        JsonNode release = docs(files.get("flux/infrastructure/homelab/controllers/longhorn.yaml")).get(2);
        assertThat(release.at("/spec/chart/spec/version").asText()).isEqualTo("1.12.1");
        assertThat(release.at("/spec/values/defaultSettings/createDefaultDiskLabeledNodes").asBoolean()).isTrue();
        assertThat(release.at("/spec/values/defaultSettings/defaultDataPath").asText()).isEqualTo("/var/lib/longhorn");
        assertThat(release.at("/spec/values/defaultSettings/defaultReplicaCount").asInt()).isEqualTo(3);
        JsonNode longhornClass = docs(files.get("flux/infrastructure/homelab/configs/storageclasses.yaml")).get(0);
        assertThat(longhornClass.at("/metadata/annotations").toString()).contains("is-default-class\":\"true");
    }

    /** Longhorn's chart makes a StorageClass of its own unless told not to (its values.yaml, persistence.createStorageClass: true). */
    @Test
    void longhornsChartMakesNoSecondStorageClass() throws Exception {
        JsonNode release = docs(generate(BrokenSite.reference()).get("flux/infrastructure/homelab/controllers/longhorn.yaml")).get(2);
        assertThat(release.at("/spec/values/persistence/createStorageClass").asBoolean(true)).isFalse();
        assertThat(release.at("/spec/values/persistence/defaultClass").asBoolean(true)).isFalse();
    }

    /**
     * A pod with an NFS volume may run on any K3s node: the server is named by an address every node
     * reaches. In the reference site the control plane and the Pis have no storage address, so NFS goes
     * to truenas's routed mgmt address; with every node on the storage network, to its storage address.
     */
    @Test
    void nfsPointsAtAnAddressEveryK3sNodeReaches() throws Exception {
        var files = generate(BrokenSite.reference());
        JsonNode nfs = docs(files.get("flux/infrastructure/homelab/configs/storageclasses.yaml")).get(1);
        assertThat(nfs.at("/metadata/name").asText()).isEqualTo("nfs-bulk");
        assertThat(nfs.at("/parameters/server").asText()).isEqualTo("10.10.10.30");
        BrokenSite everyNodeOnStorage = BrokenSite.reference()
                .replace("address: { servers: 10.10.20.21 } }", "address: { servers: 10.10.20.21, storage: 10.10.30.21 } }")
                .replace("address: { servers: 10.10.20.22 } }", "address: { servers: 10.10.20.22, storage: 10.10.30.22 } }")
                .replace("address: { servers: 10.10.20.23 } }", "address: { servers: 10.10.20.23, storage: 10.10.30.23 } }")
                .replace("servers: 10.10.20.41 }, roles: [k3s-agent], longhorn_disk: /dev/sda }", "servers: 10.10.20.41 } }")
                .replace("servers: 10.10.20.42 }, roles: [k3s-agent], longhorn_disk: /dev/sda }", "servers: 10.10.20.42 } }")
                .replace(", roles: [k3s-agent] }", " }")
                .replace(", rpi-1, rpi-2, rpi-3]", "]"); // a Pi has one NIC, on the servers network
        JsonNode direct = docs(generate(everyNodeOnStorage).get("flux/infrastructure/homelab/configs/storageclasses.yaml")).get(1);
        assertThat(direct.at("/parameters/server").asText()).isEqualTo("10.10.30.30");
        assertThat(nfs.at("/parameters/share").asText()).isEqualTo("/mnt/tank/k8s");
        assertThat(nfs.at("/reclaimPolicy").asText()).isEqualTo("Retain");
    }

    @Test
    void theGpuDevicePluginRunsOnlyOnGpuNodes() throws Exception {
        var files = generate(BrokenSite.reference());
        JsonNode plugin = docs(files.get("flux/infrastructure/homelab/controllers/nvidia-device-plugin.yaml")).get(2);
        assertThat(plugin.at("/spec/values/nodeSelector/sitec.dev~1gpu").asText()).isEqualTo("nvidia");
        assertThat(plugin.at("/spec/values/runtimeClassName").asText()).isEqualTo("nvidia");
        // K3s creates RuntimeClass nvidia itself (k3s-io/k3s manifests/runtimes.yaml), before Flux runs:
        // sitec's tree has none, which would be managed twice and come after the controllers that use it.
        assertThat(files.keySet()).noneMatch(p -> p.startsWith("flux/") && p.contains("runtimeclass"));
        files.values().stream().filter(f -> f.path().startsWith("flux/") && f.path().endsWith(".yaml"))
                .forEach(f -> assertThat(f.text()).as(f.path()).doesNotContain("kind: RuntimeClass"));
    }

    @Test
    void aSiteWithoutGpusGetsNoGpuObjects() throws Exception {
        var files = generate(BrokenSite.reference().replace("    passthrough: [gpu0]\n", ""));
        assertThat(files.keySet()).noneMatch(p -> p.contains("nvidia"));
        files.values().stream().filter(f -> f.path().startsWith("flux/") && f.path().endsWith(".yaml"))
                .forEach(f -> assertThat(f.text()).as(f.path()).doesNotContain("nvidia"));
    }

    @Test
    void aSiteWithoutNfsGetsNoNfsObjects() throws Exception {
        var files = generate(BrokenSite.reference()
                .replace("    nfs: { server: truenas, export: /mnt/tank/k8s, storage_class: nfs-bulk }\n", ""));
        assertThat(files.keySet()).noneMatch(p -> p.contains("nfs"));
        files.values().stream().filter(f -> f.path().startsWith("flux/") && f.path().endsWith(".yaml"))
                .forEach(f -> assertThat(f.text()).as(f.path()).doesNotContain("nfs"));
    }

    @Test
    void appsGetTheirNamespaceSourceAndValuesAndMayPinToALabel() throws Exception {
        var files = generate(BrokenSite.reference().replace("      values: { replicaCount: 2 }",
                "      values: { replicaCount: 2, ui: { message: \"it's \\\"quoted\\\"\", color: null }, hosts: [a, { b: 1 }] }\n"
                        + "      node_selector: { kubernetes.io/arch: arm64 }"));
        List<JsonNode> docs = docs(files.get("flux/apps/homelab/podinfo/release.yaml"));
        assertThat(docs).extracting(d -> d.path("kind").asText()).containsExactly("Namespace", "HelmRepository", "HelmRelease");
        JsonNode values = docs.get(2).at("/spec/values");
        assertThat(values.get("replicaCount").asInt()).isEqualTo(2);
        assertThat(values.at("/ui/message").asText()).isEqualTo("it's \"quoted\"");
        assertThat(values.at("/ui/color").isNull()).isTrue();
        assertThat(values.at("/hosts/0").asText()).isEqualTo("a");
        assertThat(values.at("/hosts/1/b").asInt()).isEqualTo(1);
        assertThat(values.at("/nodeSelector/kubernetes.io~1arch").asText()).isEqualTo("arm64");
    }

    /**
     * Reproducer from the fuzzing run: a Helm values key longer than 1,024 characters was written as
     * an implicit key, which YAML forbids, and the release did not parse. Long keys are explicit now.
     */
    @Test
    void aVeryLongHelmValuesKeyIsWrittenAsAnExplicitKey() throws Exception {
        String key = "k".repeat(2000) + "\\\"quoted\\\"";
        String expected = "k".repeat(2000) + "\"quoted\"";
        // The site can hold such a key only as an explicit key itself.
        var files = generate(BrokenSite.reference().replace("      values: { replicaCount: 2 }",
                "      values:\n        replicaCount: 2\n        ? \"" + key + "\"\n        :\n          nested: [1, \"" + key + "\"]\n"
                        + "        short:\n          ? \"" + key + "\"\n          : true"));
        JsonNode values = docs(files.get("flux/apps/homelab/podinfo/release.yaml")).get(2).at("/spec/values");
        assertThat(values.get(expected).get("nested").get(1).asText()).isEqualTo(expected);
        assertThat(values.get("short").get(expected).asBoolean()).isTrue();
        assertThat(files.get("flux/apps/homelab/podinfo/release.yaml").text()).contains("    ? \"" + "k".repeat(2000));
    }
}
