package dev.sitec.render;

import dev.sitec.plan.FileMode;
import java.nio.charset.StandardCharsets;

/** A file's final bytes, ready for the writer. */
public record RenderedFile(String path, byte[] content, FileMode mode) {

    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }
}
