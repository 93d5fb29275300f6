package dev.sitec.validate.rules;

import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.model.Kubernetes;
import dev.sitec.model.PlatformCharts;
import dev.sitec.validate.RuleContext;
import dev.sitec.validate.SiteRule;
import java.util.ArrayList;
import java.util.List;

/**
 * Without Flux, every app is a HelmChart named after it in kube-system (its manifest on the first
 * server named after it too), beside the HelmCharts of sitec's own charts and of K3s's packaged
 * Traefik: two of one name would overwrite each other, so an app may not take one of those names.
 */
public final class AppsClearOfKubeSystemHelmCharts implements SiteRule {

    @Override
    public List<Diagnostic> check(RuleContext context) {
        List<Diagnostic> out = new ArrayList<>();
        for (Kubernetes k8s : context.site().kubernetes().values()) {
            if (!k8s.installsWithHelmController()) {
                continue; // with Flux, each app is a HelmRelease in its own namespace
            }
            for (Kubernetes.App app : k8s.apps().values()) {
                if (PlatformCharts.SITEC.contains(app.name())) {
                    out.add(context.errorAtKey(app.origin(), "app '" + app.name() + "' of kubernetes." + k8s.name()
                            + " has the name of a chart sitec installs itself: without Flux, both would be the HelmChart "
                            + app.name() + " in kube-system, and one would overwrite the other")
                            .withHint(switch (app.name()) {
                                case PlatformCharts.LONGHORN -> "say storage.longhorn on the cluster instead of an app";
                                case PlatformCharts.NFS_DRIVER -> "say storage.nfs on the cluster instead of an app";
                                case PlatformCharts.CLOUD_PROVIDER -> "say load_balancer on the cluster instead of an app";
                                default -> "sitec installs it for the cluster's NVIDIA GPU nodes: drop the app";
                            }));
                } else if (PlatformCharts.K3S_PACKAGED.contains(app.name())) {
                    out.add(context.errorAtKey(app.origin(), "app '" + app.name() + "' of kubernetes." + k8s.name()
                            + " has the name of a HelmChart K3s keeps in kube-system for its packaged Traefik: without Flux,"
                            + " the app would be that HelmChart too, and K3s and the app would overwrite each other")
                            .withHint("give the app another name, e.g. " + app.name() + "-app"));
                }
            }
        }
        return out;
    }
}
