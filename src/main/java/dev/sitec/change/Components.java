package dev.sitec.change;

import com.fasterxml.jackson.core.JsonPointer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The values of a model record as plan prints them, component by component, for the records whose
 * every change is classified alike (a host's settings): where a record came from in the file
 * (its JsonPointer origin) and its name are not values.
 */
final class Components {

    private static final Set<String> NOT_VALUES = Set.of("name", "origin");

    /** One component that differs, with both values shown. */
    record Difference(String component, String before, String after) {

        /** The component as site.yaml spells such keys: snippetsDatastore is snippets_datastore. */
        String key() {
            return component.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
        }

        String detail() {
            return key() + " " + before + " -> " + after;
        }
    }

    private Components() {
    }

    static Map<String, String> values(Record record) {
        Map<String, String> values = new LinkedHashMap<>();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            if (NOT_VALUES.contains(component.getName()) || component.getType() == JsonPointer.class) {
                continue;
            }
            values.put(component.getName(), Show.of(read(record, component)));
        }
        return values;
    }

    static List<Difference> diff(Record before, Record after) {
        Map<String, String> old = values(before);
        Map<String, String> now = values(after);
        List<Difference> differences = new ArrayList<>();
        now.forEach((component, value) -> {
            if (!value.equals(old.get(component))) {
                differences.add(new Difference(component, old.get(component), value));
            }
        });
        return differences;
    }

    private static Object read(Record record, RecordComponent component) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + record.getClass(), e);
        }
    }
}
