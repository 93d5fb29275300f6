package dev.sitec.write;

import java.io.IOException;
import java.util.List;

/**
 * Owned files whose bytes are no longer those sitec wrote (the manifest records their hash), which a
 * generate would overwrite or delete: it writes nothing instead, unless forced.
 */
public final class EditedByHandException extends IOException {

    private final List<String> paths;

    EditedByHandException(List<String> paths) {
        super(paths.size() + " generated file(s) edited by hand: " + String.join(", ", paths));
        this.paths = List.copyOf(paths);
    }

    public List<String> paths() {
        return paths;
    }
}
