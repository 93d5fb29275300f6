package dev.sitec.load;

import com.fasterxml.jackson.core.JsonPointer;
import dev.sitec.diagnostic.SourceLocation;
import java.util.Map;

/**
 * Where each value and each mapping key of a document starts, by JSON pointer. Lets schema errors
 * and semantic rules point at the exact line and column of what they are about.
 */
public final class SourceMap {

    private final String file;
    private final Map<JsonPointer, SourceLocation> values;
    private final Map<JsonPointer, SourceLocation> keys;

    SourceMap(String file, Map<JsonPointer, SourceLocation> values, Map<JsonPointer, SourceLocation> keys) {
        this.file = file;
        this.values = Map.copyOf(values);
        this.keys = Map.copyOf(keys);
    }

    public String file() {
        return file;
    }

    /** The start of the value at {@code pointer}, or of its nearest ancestor that exists. */
    public SourceLocation value(JsonPointer pointer) {
        for (JsonPointer at = pointer; at != null; at = at.head()) {
            SourceLocation found = values.get(at);
            if (found != null) {
                return found;
            }
        }
        return SourceLocation.startOf(file);
    }

    /** The start of the key that names the entry at {@code pointer}; its value where it has no key. */
    public SourceLocation key(JsonPointer pointer) {
        for (JsonPointer at = pointer; at != null; at = at.head()) {
            SourceLocation found = keys.get(at);
            if (found != null) {
                return found;
            }
            found = values.get(at);
            if (found != null) {
                return found;
            }
        }
        return SourceLocation.startOf(file);
    }
}
