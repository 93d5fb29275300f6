package dev.sitec.validate;

import com.fasterxml.jackson.core.JsonPointer;
import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.diagnostic.SourceLocation;
import dev.sitec.load.SourceMap;
import dev.sitec.model.Site;

/** What a rule sees: the model, and where each part of it was written. */
public record RuleContext(Site site, SourceMap sources) {

    /** The position of the value at {@code at}. */
    public SourceLocation value(JsonPointer at) {
        return sources.value(at);
    }

    /** The position of the key naming the entry at {@code at}. */
    public SourceLocation key(JsonPointer at) {
        return sources.key(at);
    }

    public Diagnostic errorAt(JsonPointer at, String message) {
        return Diagnostic.error(value(at), message);
    }

    public Diagnostic errorAtKey(JsonPointer at, String message) {
        return Diagnostic.error(key(at), message);
    }

    public Diagnostic warningAt(JsonPointer at, String message) {
        return Diagnostic.warning(value(at), message);
    }

    public Diagnostic warningAtKey(JsonPointer at, String message) {
        return Diagnostic.warning(key(at), message);
    }

    public static JsonPointer field(JsonPointer at, String name) {
        return at.appendProperty(name);
    }

    public static JsonPointer item(JsonPointer at, String name, int index) {
        return at.appendProperty(name).appendIndex(index);
    }
}
