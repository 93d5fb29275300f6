package dev.sitec.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A PVE property string, e.g. {@code virtio=BC:24:11:00:00:01,bridge=vmbr0,tag=40} or
 * {@code local-lvm:vm-101-disk-0,size=32G}: comma-separated key=value pairs, where the first item may
 * be a bare value for the format's default key (pve-common PVE::JSONSchema parse_property_string).
 * {@code field} is the key it was read from (net0), for messages about its values.
 */
record PropertyString(String field, Optional<String> bare, Map<String, String> values) {

    /** The property string at a guest configuration's key ("" when there is none). */
    static PropertyString of(JsonNode config, String key) {
        return parse(key, Values.text(config, key, ""));
    }

    static PropertyString parse(String text) {
        return parse("", text);
    }

    static PropertyString parse(String field, String text) {
        Map<String, String> values = new LinkedHashMap<>();
        Optional<String> bare = Optional.empty();
        boolean first = true;
        for (String item : text.split(",")) {
            int eq = item.indexOf('=');
            if (eq < 0) {
                if (first) {
                    bare = Optional.of(item);
                }
            } else {
                values.put(item.substring(0, eq), item.substring(eq + 1));
            }
            first = false;
        }
        return new PropertyString(field, bare, Map.copyOf(values));
    }

    Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** A value that must be a whole number (tag=40, mtu=9000), else an error naming it. */
    Optional<Integer> integer(String key) {
        return get(key).map(value -> Values.integer(field.isEmpty() ? key : field + "'s " + key, value));
    }

    boolean flag(String key) {
        return "1".equals(values.get(key));
    }
}
