package dev.sitec.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;

/** Validates JSON trees against vendored schemas (draft-07 and 2020-12, by their $schema). */
final class JsonSchemas {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private JsonSchemas() {
    }

    static Schema load(JsonNode schema) {
        return REGISTRY.getSchema(schema);
    }

    static List<String> validate(Schema schema, JsonNode instance) {
        return schema.validate(instance).stream()
                .map(e -> (e.getInstanceLocation().toString().isEmpty() ? "" : e.getInstanceLocation() + ": ")
                        + e.getMessage())
                .distinct()
                .toList();
    }
}
