package dev.sitec.family.flux;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sitec.model.K3sNode;
import dev.sitec.model.K3sNodes;
import dev.sitec.model.Kubernetes;
import dev.sitec.model.PlatformCharts;
import dev.sitec.model.NfsServer;
import dev.sitec.model.Site;
import dev.sitec.plan.OutputFamily;
import dev.sitec.plan.PlannedFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The GitOps tree Flux reconciles, laid out after flux2-kustomize-helm-example: the cluster folder
 * (Git source and one Kustomization per layer), infrastructure/controllers (Helm releases of
 * Longhorn, csi-driver-nfs, NVIDIA's device plugin), infrastructure/configs (StorageClasses,
 * RuntimeClass) and apps. Layers run in order: controllers, then configs, then apps.
 */
public final class FluxFamily implements OutputFamily {

    static final String LONGHORN_REPOSITORY = "https://charts.longhorn.io";
    static final String NFS_REPOSITORY = "https://raw.githubusercontent.com/kubernetes-csi/csi-driver-nfs/master/charts";
    static final String NVIDIA_REPOSITORY = "https://nvidia.github.io/k8s-device-plugin";
    static final String KUBE_VIP_REPOSITORY = "https://kube-vip.github.io/helm-charts";
    /** kube-vip/helm-charts' kube-vip-cloud-provider chart 0.2.10: kube-vip-cloud-provider v0.0.12. */
    public static final String CLOUD_PROVIDER_CHART_VERSION = "0.2.10";
    static final String LONGHORN_CLASS = "longhorn-replicated";
    static final String NVIDIA_RUNTIME = "nvidia";

    @Override
    public String name() {
        return "flux";
    }

    @Override
    public List<PlannedFile> plan(Site site) {
        List<Kubernetes> synced = site.kubernetes().values().stream().filter(k -> k.flux().isPresent()).toList();
        if (synced.isEmpty()) {
            return List.of();
        }
        List<PlannedFile> files = new ArrayList<>();
        List<FluxViews.Cluster> clusters = new ArrayList<>();
        for (Kubernetes k8s : synced) {
            FluxViews.Cluster cluster = cluster(k8s);
            clusters.add(cluster);
            files.addAll(cluster(site, k8s, cluster));
        }
        files.add(PlannedFile.of("flux/README.md", "flux/README.md.ftl", new FluxViews.Readme(clusters)));
        return files;
    }

    /** One cluster's folders: its sync folder (flux.path), and its infrastructure and apps, by cluster name. */
    private static FluxViews.Cluster cluster(Kubernetes k8s) {
        Kubernetes.Flux flux = k8s.flux().orElseThrow();
        String own = "./" + flux.tree() + "/";
        return new FluxViews.Cluster(k8s.name(), flux.repository(), flux.branch(), flux.needsDeployKey(),
                "./" + flux.syncPath(), own + infrastructure(k8s) + "controllers", own + infrastructure(k8s) + "configs",
                own + apps(k8s), !k8s.apps().isEmpty(), flux.version(), flux.path(), flux.bootstrap());
    }

    /** The Kustomization an owner's tree copies to sync a cluster sitec does not bootstrap. */
    public static String entry(Kubernetes k8s) {
        return "flux/entries/" + k8s.name() + ".yaml";
    }

    private static String infrastructure(Kubernetes k8s) {
        return "infrastructure/" + k8s.name() + "/";
    }

    private static String apps(Kubernetes k8s) {
        return "apps/" + k8s.name();
    }

    private static List<PlannedFile> cluster(Site site, Kubernetes k8s, FluxViews.Cluster cluster) {
        List<PlannedFile> files = new ArrayList<>();
        String clusterDir = "flux/" + k8s.flux().orElseThrow().path() + "/";
        List<String> clusterResources = new ArrayList<>();
        // Without bootstrap the owner's tree holds the flux-system source and sync, and syncs this folder
        // with the entry Kustomization it copies from flux/entries/.
        if (cluster.bootstrap()) {
            clusterResources.add("flux-system.yaml");
            files.add(PlannedFile.of(clusterDir + "flux-system.yaml", "flux/cluster/flux-system.yaml.ftl", cluster));
        } else {
            files.add(PlannedFile.of(entry(k8s), "flux/entry.yaml.ftl", cluster));
        }
        clusterResources.add("infrastructure.yaml");
        files.add(PlannedFile.of(clusterDir + "infrastructure.yaml", "flux/cluster/infrastructure.yaml.ftl", cluster));
        if (cluster.hasApps()) {
            clusterResources.add("apps.yaml");
            files.add(PlannedFile.of(clusterDir + "apps.yaml", "flux/cluster/apps.yaml.ftl", cluster));
        }
        files.add(kustomization(clusterDir, clusterResources));

        List<K3sNode> nodes = K3sNodes.of(site, k8s);
        boolean nvidia = nodes.stream().anyMatch(K3sNode::nvidiaGpu) && k8s.nvidiaDevicePlugin().isPresent();
        String infrastructure = "flux/" + infrastructure(k8s);
        List<FluxViews.Release> controllers = controllers(site, k8s, nodes, nvidia);
        List<String> controllerFiles = new ArrayList<>();
        for (FluxViews.Release release : controllers) {
            controllerFiles.add(release.name() + ".yaml");
            files.add(PlannedFile.of(infrastructure + "controllers/" + release.name() + ".yaml", "flux/release.yaml.ftl", release));
        }
        files.add(kustomization(infrastructure + "controllers/", controllerFiles));

        FluxViews.Configs configs = configs(site, k8s);
        List<String> configFiles = new ArrayList<>();
        if (!configs.storageClasses().isEmpty()) {
            configFiles.add("storageclasses.yaml");
            files.add(PlannedFile.of(infrastructure + "configs/storageclasses.yaml", "flux/configs/storageclasses.yaml.ftl", configs));
        }
        files.add(kustomization(infrastructure + "configs/", configFiles));

        if (cluster.hasApps()) {
            String appsDir = "flux/" + apps(k8s) + "/";
            List<String> apps = new ArrayList<>();
            for (Kubernetes.App app : k8s.apps().values()) {
                apps.add(app.name());
                files.add(PlannedFile.of(appsDir + app.name() + "/release.yaml", "flux/release.yaml.ftl", app(app, nodes)));
                files.add(kustomization(appsDir + app.name() + "/", List.of("release.yaml")));
            }
            files.add(kustomization(appsDir, apps));
        }
        return files;
    }

    private static PlannedFile kustomization(String dir, List<String> resources) {
        return PlannedFile.of(dir + "kustomization.yaml", "flux/kustomization.yaml.ftl", new FluxViews.Kustomization(resources));
    }

    /**
     * The charts a cluster runs, as Flux releases them: the infrastructure controllers, then the apps.
     * A cluster without Flux has K3s's Helm controller install the same (the Ansible family's HelmCharts).
     */
    public static List<FluxViews.Release> releases(Site site, Kubernetes k8s) {
        List<K3sNode> nodes = K3sNodes.of(site, k8s);
        boolean nvidia = nodes.stream().anyMatch(K3sNode::nvidiaGpu) && k8s.nvidiaDevicePlugin().isPresent();
        List<FluxViews.Release> releases = new ArrayList<>(controllers(site, k8s, nodes, nvidia));
        k8s.apps().values().forEach(app -> releases.add(app(app, nodes)));
        return releases;
    }

    private static List<FluxViews.Release> controllers(Site site, Kubernetes k8s, List<K3sNode> nodes, boolean nvidia) {
        List<FluxViews.Release> releases = new ArrayList<>();
        k8s.longhorn().ifPresent(longhorn -> releases.add(new FluxViews.Release(PlatformCharts.LONGHORN, "longhorn-system", true,
                LONGHORN_REPOSITORY, "longhorn", longhorn.version(), YamlValue.of(longhornValues(longhorn, nodes)))));
        k8s.nfs().ifPresent(nfs -> releases.add(new FluxViews.Release(PlatformCharts.NFS_DRIVER, "kube-system", false,
                NFS_REPOSITORY, "csi-driver-nfs", nfs.chartVersion(), YamlValue.of(JsonNodeFactory.instance.objectNode()))));
        k8s.loadBalancer().ifPresent(pool -> {
            // It hands each LoadBalancer Service an address from the pool (its ConfigMap, range-global);
            // kube-vip on the servers announces it (svc_enable).
            ObjectNode values = JsonNodeFactory.instance.objectNode();
            values.putObject("cm").putObject("data").put("range-global", pool.rangeGlobal());
            releases.add(new FluxViews.Release(PlatformCharts.CLOUD_PROVIDER, "kube-system", false, KUBE_VIP_REPOSITORY,
                    "kube-vip-cloud-provider", CLOUD_PROVIDER_CHART_VERSION, YamlValue.of(values)));
        });
        if (nvidia) {
            ObjectNode values = JsonNodeFactory.instance.objectNode();
            values.put("runtimeClassName", NVIDIA_RUNTIME);
            values.putObject("nodeSelector").put(K3sNodes.GPU_LABEL, "nvidia");
            releases.add(new FluxViews.Release(PlatformCharts.NVIDIA_DEVICE_PLUGIN, "nvidia-device-plugin", true, NVIDIA_REPOSITORY,
                    "nvidia-device-plugin", k8s.nvidiaDevicePlugin().get(), YamlValue.of(values)));
        }
        return releases;
    }

    private static ObjectNode longhornValues(Kubernetes.Longhorn longhorn, List<K3sNode> nodes) {
        ObjectNode values = JsonNodeFactory.instance.objectNode();
        // The configs layer owns the one Longhorn StorageClass (and the default flag): the chart makes
        // none of its own (persistence.createStorageClass defaults to true in its values.yaml).
        values.putObject("persistence").put("createStorageClass", false).put("defaultClass", false);
        ObjectNode settings = values.putObject("defaultSettings");
        settings.put("defaultDataPath", K3sNodes.LONGHORN_DATA_PATH);
        settings.put("defaultReplicaCount", longhorn.defaultReplicas());
        // Replicas only on the labelled nodes: those with a dedicated Longhorn disk (mounted at the data
        // path) or a root disk that may hold them (the data path is then a folder of it); never SD cards.
        settings.put("createDefaultDiskLabeledNodes", true);
        // Longhorn must run where its disks are, accelerator nodes included: the manager and driver take
        // the tolerations, the components Longhorn starts itself take its taintToleration setting
        // (values.yaml: "key1=value1:effect; key2=value2:effect").
        List<K3sNode.Taint> taints = nodes.stream().filter(K3sNode::longhornReplicas)
                .flatMap(n -> n.taints().stream()).distinct().sorted(java.util.Comparator.comparing(Object::toString)).toList();
        if (!taints.isEmpty()) {
            settings.put("taintToleration", String.join(";", taints.stream().map(Object::toString).toList()));
            values.putObject("longhornManager").set("tolerations", tolerations(taints));
            values.putObject("longhornDriver").set("tolerations", tolerations(taints));
        }
        return values;
    }

    /** Kubernetes tolerations for exactly these taints. */
    static com.fasterxml.jackson.databind.node.ArrayNode tolerations(List<K3sNode.Taint> taints) {
        com.fasterxml.jackson.databind.node.ArrayNode list = JsonNodeFactory.instance.arrayNode();
        taints.forEach(t -> list.addObject().put("key", t.key()).put("operator", "Equal").put("value", t.value())
                .put("effect", t.effect()));
        return list;
    }

    /** The StorageClasses of the cluster's storage (Flux's configs layer, or K3s's manifests without Flux). */
    public static FluxViews.Configs configs(Site site, Kubernetes k8s) {
        List<FluxViews.StorageClass> classes = new ArrayList<>();
        k8s.longhorn().ifPresent(longhorn -> {
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("numberOfReplicas", String.valueOf(longhorn.defaultReplicas()));
            parameters.put("staleReplicaTimeout", "30");
            parameters.put("dataLocality", "best-effort");
            parameters.put("fsType", "ext4");
            classes.add(new FluxViews.StorageClass(LONGHORN_CLASS, "driver.longhorn.io", longhorn.defaultClass(), "Delete",
                    parameters, List.of()));
        });
        k8s.nfs().ifPresent(nfs -> {
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("server", NfsServer.addressReachableFromEveryNode(site, k8s).orElseThrow().toString());
            parameters.put("share", nfs.export());
            // Bulk data outlives the claims that made it: Retain, never Delete.
            classes.add(new FluxViews.StorageClass(nfs.storageClass(), "nfs.csi.k8s.io", false, "Retain", parameters,
                    List.of("nfsvers=4.1", "hard")));
        });
        return new FluxViews.Configs(classes);
    }

    private static FluxViews.Release app(Kubernetes.App app, List<K3sNode> nodes) {
        ObjectNode values = app.values().deepCopy();
        if (!app.nodeSelector().isEmpty()) {
            ObjectNode selector = values.has("nodeSelector") && values.get("nodeSelector").isObject()
                    ? (ObjectNode) values.get("nodeSelector") : values.putObject("nodeSelector");
            app.nodeSelector().forEach(selector::put);
            // Pinned to accelerator nodes only: it must tolerate their taints (unless its values say how).
            List<K3sNode.Taint> taints = K3sNodes.taintsToTolerate(nodes, app.nodeSelector());
            if (!taints.isEmpty() && !values.has("tolerations")) {
                values.set("tolerations", tolerations(taints));
            }
        }
        return new FluxViews.Release(app.name(), app.namespace(), true, app.chartRepository(), app.chartName(),
                app.chartVersion(), YamlValue.of(values));
    }

}
