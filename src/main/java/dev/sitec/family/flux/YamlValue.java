package dev.sitec.family.flux;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A user's Helm values as a tree the YAML template lays out: maps and lists of nodes, and scalars
 * that say whether they are text (quoted and escaped) or a number, boolean or null (written as is).
 */
public record YamlValue(String kind, List<Entry> entries, List<YamlValue> items, String text, boolean quoted) {

    /**
     * One key of a map. A key is written as an explicit key ({@code ? key}) when its quoted form could
     * exceed the 1024 characters YAML allows an implicit key (YAML 1.2, 7.4.2): past 170 characters,
     * since escaping can make each character six.
     */
    public record Entry(String key, YamlValue value) {
        static final int LONGEST_IMPLICIT_KEY = 170;

        public boolean explicit() {
            return key.length() > LONGEST_IMPLICIT_KEY;
        }
    }

    public boolean isMap() {
        return kind.equals("map");
    }

    public boolean isList() {
        return kind.equals("list");
    }

    public boolean isEmpty() {
        return entries.isEmpty() && items.isEmpty();
    }

    public static YamlValue of(JsonNode node) {
        if (node.isObject()) {
            List<Entry> entries = new ArrayList<>();
            node.properties().forEach(e -> entries.add(new Entry(e.getKey(), of(e.getValue()))));
            return new YamlValue("map", entries, List.of(), "", false);
        }
        if (node.isArray()) {
            List<YamlValue> items = new ArrayList<>();
            node.forEach(item -> items.add(of(item)));
            return new YamlValue("list", List.of(), items, "", false);
        }
        if (node.isNull()) {
            return new YamlValue("scalar", List.of(), List.of(), "null", false);
        }
        boolean literal = node.isNumber() || node.isBoolean();
        return new YamlValue("scalar", List.of(), List.of(), node.asText(), !literal);
    }
}
