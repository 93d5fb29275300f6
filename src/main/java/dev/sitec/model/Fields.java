package dev.sitec.model;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiFunction;

/** Reading a document the schema has accepted: optional fields, lists and named maps. */
final class Fields {

    private Fields() {
    }

    static JsonPointer ptr(String... segments) {
        JsonPointer at = JsonPointer.empty();
        for (String segment : segments) {
            at = at.appendProperty(segment);
        }
        return at;
    }

    static String name(JsonPointer at) {
        return at.last().getMatchingProperty();
    }

    static <T> SortedMap<String, T> named(JsonNode n, JsonPointer at, BiFunction<JsonNode, JsonPointer, T> build) {
        SortedMap<String, T> result = new TreeMap<>();
        n.properties().forEach(e -> result.put(e.getKey(), build.apply(e.getValue(), at.appendProperty(e.getKey()))));
        return Collections.unmodifiableSortedMap(result);
    }

    static <T> Optional<T> optional(JsonNode n, JsonPointer at, BiFunction<JsonNode, JsonPointer, T> build) {
        return n.isObject() ? Optional.of(build.apply(n, at)) : Optional.empty();
    }

    static Optional<String> text(JsonNode n, String field) {
        JsonNode value = n.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }

    static Optional<Integer> integer(JsonNode n, String field) {
        JsonNode value = n.get(field);
        return value == null || !value.isIntegralNumber() ? Optional.empty() : Optional.of(value.asInt());
    }

    static OptionalInt optionalInt(JsonNode n, String field) {
        return integer(n, field).map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    static Optional<Integer> boxed(OptionalInt value) {
        return value.isPresent() ? Optional.of(value.getAsInt()) : Optional.empty();
    }

    static List<String> strings(JsonNode n) {
        List<String> values = new ArrayList<>();
        n.forEach(item -> values.add(item.asText()));
        return List.copyOf(values);
    }

    static Map<String, String> stringMap(JsonNode n) {
        Map<String, String> values = new LinkedHashMap<>();
        n.properties().forEach(e -> values.put(e.getKey(), e.getValue().asText()));
        return values;
    }

    static SortedMap<String, String> sortedStringMap(JsonNode n) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(stringMap(n)));
    }

    static String lower(String text) {
        return text.toLowerCase(java.util.Locale.ROOT);
    }
}
