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
final class KubernetesReader {

    private KubernetesReader() {
    }

    static Kubernetes kubernetes(JsonNode n, JsonPointer at) {
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
                        text(f, "tree").orElse(Kubernetes.Flux.DEFAULT_TREE)));
        SortedMap<String, Kubernetes.App> apps = named(n.path("apps"), at.appendProperty("apps"), (a, appAt) -> {
            JsonNode chart = a.path("chart");
            return new Kubernetes.App(name(appAt), appAt, chart.path("repository").asText(), chart.path("name").asText(),
                    chart.path("version").asText(), text(a, "namespace").orElse(name(appAt)),
                    a.has("values") ? a.path("values").deepCopy() : JsonNodeFactory.instance.objectNode(),
                    sortedStringMap(a.path("node_selector")));
        });
        return new Kubernetes(at, n.path("version").asText(), Ipv4.parse(n.path("api_vip").asText()),
                strings(n.path("servers")), strings(n.path("agents")), longhorn, nfs,
                text(n.path("gpu"), "nvidia_device_plugin"), flux, apps);
    }
}
