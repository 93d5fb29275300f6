package dev.sitec.change;

import com.fasterxml.jackson.core.JsonPointer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The values of a nested model record (a node's boot disks, a backup server's retention) as plan
 * shows them inside one attribute's value: where a record came from in the file (its JsonPointer
 * origin) and its name are not values. What plan compares, and under which key, is in the
 * Attribute tables, never derived from these component names.
 */
final class Components {

    private static final Set<String> NOT_VALUES = Set.of("name", "origin");

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

    private static Object read(Record record, RecordComponent component) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + record.getClass(), e);
        }
    }
}
