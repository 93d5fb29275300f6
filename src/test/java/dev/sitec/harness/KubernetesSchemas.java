package dev.sitec.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The vendored Flux and Kubernetes schemas, by apiVersion and kind. */
final class KubernetesSchemas {

    private final Map<String, Schema> byKind = new HashMap<>();

    KubernetesSchemas() {
        try {
            Path dir = Path.of(KubernetesSchemas.class.getResource("/contracts/k8s").toURI());
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                    JsonNode schema = Contracts.json("k8s/" + file.getFileName());
                    JsonNode gvk = schema.path("x-kubernetes-group-version-kind");
                    for (JsonNode one : gvk.isArray() ? gvk : List.of(gvk)) {
                        byKind.put(one.path("apiVersion").asText() + "/" + one.path("kind").asText(), JsonSchemas.load(schema));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    Optional<Schema> forDocument(JsonNode document) {
        return Optional.ofNullable(byKind.get(document.path("apiVersion").asText() + "/" + document.path("kind").asText()));
    }
}
