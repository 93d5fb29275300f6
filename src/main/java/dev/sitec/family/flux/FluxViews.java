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
                          String fluxVersion, String clusterFolder, boolean bootstrap) {

        /**
         * What the layers' Kustomization names start with: nothing under sitec's own sync, and sitec-
         * beside an owner's tree, whose Kustomizations (flux2-kustomize-helm-example's are apps,
         * infra-controllers and infra-configs, in flux-system too) keep their names.
         */
        public String layerPrefix() {
            return bootstrap ? "" : "sitec-";
        }

        /** The Kustomization an owner's tree adds to sync this folder (flux.bootstrap: false). */
        public String entryName() {
            return "sitec-" + name;
        }
    }

    /** The Flux tree's README: its clusters. */
    public record Readme(List<Cluster> clusters) {
    }

    /** A Helm chart installed by Flux: its namespace, repository, release and values. */
    public record Release(String name, String namespace, boolean ownNamespace, String repositoryUrl, String chart,
                          String version, YamlValue values) {
    }

    /** A StorageClass sitec defines. */
    public record StorageClass(String name, String provisioner, boolean defaultClass, String reclaimPolicy,
                               Map<String, String> parameters, List<String> mountOptions) {
    }

    /**
     * The configs layer: the StorageClasses. (No RuntimeClass: K3s creates `nvidia` itself from its
     * packaged manifests/runtimes.yaml, before Flux runs, so the device plugin that names it in the
     * controllers layer can start; a copy here would be managed twice and come a layer too late.)
     */
    public record Configs(List<StorageClass> storageClasses) {
    }

    /** A plain kustomize kustomization.yaml listing its resources. */
    public record Kustomization(List<String> resources) {
    }
}
