package dev.sitec.change;

import com.fasterxml.jackson.core.JsonPointer;
import java.util.Optional;
import java.util.function.Function;

/**
 * One component of a model record as plan compares it: the YAML key it is written under (spelled here,
 * never rebuilt from the Java name; ComparedComponentsTest checks it against the schema), how its
 * value is shown, and what a change of it does. A component the file does not hold under a key of
 * its own (a node's cluster, which is the map it is in) has a label instead, and is located at the
 * record itself.
 */
record Attribute<T>(String component, String key, boolean inFile, Function<T, String> value, ChangeKind kind, String cause) {

    Attribute(String component, String key, Function<T, String> value, ChangeKind kind, String cause) {
        this(component, key, true, value, kind, cause);
    }

    /** A component the file says by where the record is, not by a key of the record. */
    static <T> Attribute<T> derived(String component, String label, Function<T, String> value, ChangeKind kind, String cause) {
        return new Attribute<>(component, label, false, value, kind, cause);
    }

    Optional<Change> compare(String subject, T before, T after, JsonPointer origin) {
        String old = value.apply(before);
        String now = value.apply(after);
        if (old.equals(now)) {
            return Optional.empty();
        }
        return Optional.of(Change.of(kind, subject, key + " " + old + " -> " + now, cause,
                inFile ? origin.appendProperty(key) : origin));
    }
}
