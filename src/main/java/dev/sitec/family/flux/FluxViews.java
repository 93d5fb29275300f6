package dev.sitec.family.flux;

import java.util.List;
import java.util.Map;

/** The views of the Flux tree's files. */
public final class FluxViews {

    private FluxViews() {
    }

    /** The cluster folder: the Git source, and one Flux Kustomization per layer. */
    public record Cluster(String name, String repository, String branch, boolean deployKey, String syncPath,
                          String controllersPath, String configsPath, String appsPath, boolean hasApps,
                          String fluxVersion, String clusterFolder) {
    }

    /** A Helm chart installed by Flux: its namespace, repository, release and values. */
    public record Release(String name, String namespace, boolean ownNamespace, String repositoryUrl, String chart,
                          String version, YamlValue values) {
    }

    /** A StorageClass sitec defines. */
    public record StorageClass(String name, String provisioner, boolean defaultClass, String reclaimPolicy,
                               Map<String, String> parameters, List<String> mountOptions) {
    }

    /** The configs layer: StorageClasses and the NVIDIA RuntimeClass when a GPU exists. */
    public record Configs(List<StorageClass> storageClasses, boolean nvidiaRuntimeClass) {
    }

    /** A plain kustomize kustomization.yaml listing its resources. */
    public record Kustomization(List<String> resources) {
    }
}
