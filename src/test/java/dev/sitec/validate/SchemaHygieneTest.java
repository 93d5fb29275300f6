package dev.sitec.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every field of the site schema is described, and every object refuses unknown keys. */
class SchemaHygieneTest {

    private final JsonNode schema = read();

    private static JsonNode read() {
        try {
            return new ObjectMapper().readTree(Path.of("schema", "site.schema.json").toFile());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void everyPropertyHasADescription() {
        List<String> undescribed = new ArrayList<>();
        walk(schema, "#", (path, node) -> {
            JsonNode properties = node.get("properties");
            if (properties != null && properties.isObject()) {
                properties.fields().forEachRemaining(p -> {
                    if (p.getValue().isObject() && !p.getValue().has("description") && !isConditional(path)) {
                        undescribed.add(path + "/properties/" + p.getKey());
                    }
                });
            }
        });
        assertThat(undescribed).isEmpty();
    }

    @Test
    void everyObjectRefusesUnknownKeys() {
        List<String> open = new ArrayList<>();
        walk(schema, "#", (path, node) -> {
            if ("object".equals(node.path("type").asText()) && !node.has("additionalProperties") && !path.endsWith("/values")) {
                open.add(path);
            }
        });
        assertThat(open).isEmpty();
    }

    /**
     * Every integer has a maximum the model reads without narrowing (an int), so a value such as
     * 4294967310 is refused where it is written instead of wrapping around to another number.
     */
    @Test
    void everyIntegerHasAMaximumThatFitsAnInt() {
        List<String> unbounded = new ArrayList<>();
        walk(schema, "#", (path, node) -> {
            if ("integer".equals(node.path("type").asText())
                    && (!node.has("maximum") || node.get("maximum").asLong() > Integer.MAX_VALUE)) {
                unbounded.add(path);
            }
        });
        assertThat(unbounded).isEmpty();
    }

    /** Properties inside if/then/else only constrain fields declared (and described) elsewhere. */
    private static boolean isConditional(String path) {
        return path.contains("/if") || path.contains("/then") || path.contains("/else");
    }

    private static void walk(JsonNode node, String path, java.util.function.BiConsumer<String, JsonNode> visit) {
        if (node.isObject()) {
            visit.accept(path, node);
            for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
                walk(e.getValue(), path + "/" + e.getKey(), visit);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "/" + i, visit);
            }
        }
    }
}
