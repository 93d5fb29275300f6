package dev.sitec.model;

import static dev.sitec.model.Fields.name;
import static dev.sitec.model.Fields.named;
import static dev.sitec.model.Fields.sortedStringMap;
import static dev.sitec.model.Fields.strings;
import static dev.sitec.model.Fields.text;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Optional;
import java.util.SortedMap;

/** Reads the kubernetes section: the K3s cluster, its storage, Flux and the apps it delivers. */
public final class KubernetesReader {

    private KubernetesReader() {
    }

    /** A v1 site's one cluster, or a v2 site's clusters by name. */
    static SortedMap<String, Kubernetes> clusters(JsonNode root, SiteFormat format) {
        JsonNode section = root.path("kubernetes");
        SortedMap<String, Kubernetes> clusters = new java.util.TreeMap<>();
        if (!section.isObject()) {
            return clusters;
        }
        JsonPointer at = JsonPointer.compile("/kubernetes");
        if (format.version() == SiteFormat.Version.V1) {
            String name = v1Name(root);
            clusters.put(name, kubernetes(root, name, section, at));
        } else {
            section.properties().forEach(e -> clusters.put(e.getKey(),
                    kubernetes(root, e.getKey(), e.getValue(), at.appendProperty(e.getKey()))));
        }
        return java.util.Collections.unmodifiableSortedMap(clusters);
    }

    /** What migrate names a v1 site's cluster: its Flux folder's name (clusters/homelab), else the site's. */
    public static String v1Name(JsonNode root) {
        String path = root.path("kubernetes").path("flux").path("path").asText("");
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.matches("[a-z]([a-z0-9-]{0,61}[a-z0-9])?") ? last : root.path("site").path("name").asText();
    }

    /**
     * Where the API is: the VIP, else the first server's first static address, which is its K3s node IP
     * (K3sNodes: the nodes' network is the API's). Empty when the first server is unknown or has no
     * static address, which rules report.
     */
    static Optional<Ipv4> apiAddress(JsonNode root, JsonNode cluster) {
        Optional<Ipv4> vip = text(cluster, "api_vip").map(Ipv4::parse);
        if (vip.isPresent()) {
            return vip;
        }
        String first = cluster.path("servers").path(0).asText("");
        JsonNode host = root.path("vms").has(first) ? root.path("vms").path(first) : root.path("machines").path(first);
        java.util.Iterator<java.util.Map.Entry<String, JsonNode>> addresses = host.path("address").properties().iterator();
        while (addresses.hasNext()) {
            String value = addresses.next().getValue().asText("");
            if (value.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}")) {
                return Optional.of(Ipv4.parse(value));
            }
        }
        return Optional.empty();
    }

    static Kubernetes kubernetes(JsonNode root, String name, JsonNode n, JsonPointer at) {
        JsonNode storage = n.path("storage");
        Optional<Kubernetes.Longhorn> longhorn = Optional.of(storage.path("longhorn")).filter(JsonNode::isObject)
                .map(l -> new Kubernetes.Longhorn(l.path("version").asText(), l.path("default_replicas").asInt(3),
                        l.path("default_class").asBoolean(true)));
        Optional<Kubernetes.Nfs> nfs = Optional.of(storage.path("nfs")).filter(JsonNode::isObject)
                .map(f -> new Kubernetes.Nfs(f.path("server").asText(), f.path("export").asText(),
                        text(f, "storage_class").orElse("nfs"),
                        text(f, "chart_version").orElse(Kubernetes.Nfs.DEFAULT_CHART_VERSION)));
        Optional<Kubernetes.Flux> flux = Optional.of(n.path("flux")).filter(JsonNode::isObject)
                .map(f -> new Kubernetes.Flux(f.path("repository").asText(), f.path("branch").asText(),
                        f.path("path").asText(), text(f, "version").orElse(ModelBuilder.DEFAULT_FLUX_VERSION),
                        text(f, "tree").orElse(Kubernetes.Flux.DEFAULT_TREE), f.path("bootstrap").asBoolean(true)));
        SortedMap<String, Kubernetes.App> apps = named(n.path("apps"), at.appendProperty("apps"), (a, appAt) -> {
            JsonNode chart = a.path("chart");
            return new Kubernetes.App(name(appAt), appAt, chart.path("repository").asText(), chart.path("name").asText(),
                    chart.path("version").asText(), text(a, "namespace").orElse(name(appAt)),
                    a.has("values") ? a.path("values").deepCopy() : JsonNodeFactory.instance.objectNode(),
                    sortedStringMap(a.path("node_selector")));
        });
        Optional<Kubernetes.LoadBalancer> loadBalancer = Optional.of(n.path("load_balancer")).filter(JsonNode::isObject)
                .map(lb -> new Kubernetes.LoadBalancer(strings(lb.path("addresses")).stream().map(Kubernetes.Range::parse).toList()));
        return new Kubernetes(name, at, n.path("version").asText(), text(n, "api_vip").map(Ipv4::parse), apiAddress(root, n),
                strings(n.path("servers")), strings(n.path("agents")), longhorn, nfs,
                text(n.path("gpu"), "nvidia_device_plugin"), flux, apps,
                text(n, "token_secret").orElse(Kubernetes.DEFAULT_TOKEN_SECRET), loadBalancer);
    }
}
