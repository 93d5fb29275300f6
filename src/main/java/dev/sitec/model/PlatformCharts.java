package dev.sitec.model;

import java.util.List;

/**
 * The charts a K3s cluster runs besides its apps, by release name: those sitec installs from the
 * cluster's settings (Flux HelmReleases, or without Flux HelmCharts in kube-system), and those K3s
 * itself keeps as HelmCharts in kube-system (its packaged Traefik, k3s manifests/traefik.yaml).
 */
public final class PlatformCharts {

    public static final String LONGHORN = "longhorn";
    public static final String NFS_DRIVER = "csi-driver-nfs";
    public static final String CLOUD_PROVIDER = "kube-vip-cloud-provider";
    public static final String NVIDIA_DEVICE_PLUGIN = "nvidia-device-plugin";

    /** sitec's own, in the order a cluster's controllers are listed. */
    public static final List<String> SITEC = List.of(LONGHORN, NFS_DRIVER, CLOUD_PROVIDER, NVIDIA_DEVICE_PLUGIN);

    /** K3s's packaged HelmCharts, present unless Traefik is disabled (sitec does not disable it). */
    public static final List<String> K3S_PACKAGED = List.of("traefik", "traefik-crd");

    private PlatformCharts() {
    }
}
