package dev.sitec.change;

import dev.sitec.model.Startup;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/** How plan prints a value: as the site would write it, "none" for what is not set. */
final class Show {

    static final String NONE = "none";

    private Show() {
    }

    static String of(Object value) {
        if (value instanceof Optional<?> o) {
            return o.map(Show::of).orElse(NONE);
        }
        if (value instanceof OptionalInt o) {
            return o.isPresent() ? String.valueOf(o.getAsInt()) : NONE;
        }
        if (value instanceof Collection<?> c) {
            return c.stream().map(Show::of).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof Map<?, ?> m) {
            return m.entrySet().stream().map(e -> e.getKey() + "=" + of(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        if (value instanceof Enum<?> e) {
            return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
        if (value instanceof Startup s) {
            return "order " + s.order() + ", up " + of(s.upDelaySeconds()) + " s, down " + of(s.downDelaySeconds()) + " s";
        }
        if (value instanceof Record r) {
            return Components.values(r).entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                    .collect(Collectors.joining(", ", "(", ")"));
        }
        return String.valueOf(value);
    }
}
