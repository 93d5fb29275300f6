package dev.sitec.family.ansible;

import dev.sitec.family.flux.FluxFamily;
import dev.sitec.family.flux.FluxViews;
import dev.sitec.model.Kubernetes;
import dev.sitec.model.Site;
import dev.sitec.plan.PlannedFile;
import java.util.ArrayList;
import java.util.List;

/**
 * For a cluster without Flux, the manifests its first server keeps in K3s's manifests folder
 * (/var/lib/rancher/k3s/server/manifests, which K3s's deploy controller applies): what Flux would
 * deliver, as HelmCharts (helm.cattle.io/v1) for K3s's embedded Helm controller (the same charts,
 * versions, namespaces and values), and the StorageClasses.
 */
final class K3sManifests {

    private K3sManifests() {
    }

    /** A HelmChart's view: the Flux release's chart, namespace and values. */
    static AnsibleViews.HelmChart helmChart(FluxViews.Release release) {
        return new AnsibleViews.HelmChart(release.name(), release.namespace(), release.repositoryUrl(), release.chart(),
                release.version(), release.values());
    }

    /** The file a release's HelmChart is kept in, in the tree and (prefixed sitec-) on the server. */
    static String helmChartFile(String release) {
        return "helmchart-" + release + ".yaml";
    }

    static List<PlannedFile> of(Site site, Kubernetes k8s, String dir) {
        List<PlannedFile> files = new ArrayList<>();
        if (!k8s.installsWithHelmController()) {
            return files;
        }
        for (FluxViews.Release release : FluxFamily.releases(site, k8s)) {
            files.add(PlannedFile.of(dir + helmChartFile(release.name()), "ansible/site/helmchart.yaml.ftl",
                    helmChart(release)));
        }
        FluxViews.Configs configs = FluxFamily.configs(site, k8s);
        if (!configs.storageClasses().isEmpty()) {
            files.add(PlannedFile.of(dir + "storageclasses.yaml", "flux/configs/storageclasses.yaml.ftl", configs));
        }
        return files;
    }
}
