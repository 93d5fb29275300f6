package dev.sitec.change;

import com.fasterxml.jackson.core.JsonPointer;
import java.util.Optional;
import java.util.function.Function;

/**
 * One compared value of a model record: the record component it reads (a test checks that every
 * component is compared or deliberately skipped), its key in site.yaml, and how a change of it is
 * classified and why.
 */
record Attribute<T>(String component, String key, Function<T, String> value, ChangeKind kind, String cause) {

    Optional<Change> compare(String subject, T before, T after, JsonPointer origin) {
        String old = value.apply(before);
        String now = value.apply(after);
        if (old.equals(now)) {
            return Optional.empty();
        }
        return Optional.of(Change.of(kind, subject, key + " " + old + " -> " + now, cause,
                origin.appendProperty(key)));
    }
}
