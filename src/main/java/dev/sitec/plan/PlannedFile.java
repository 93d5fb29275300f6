package dev.sitec.plan;

import java.util.Objects;

/**
 * A file an output family wants written: where (relative to the output folder, '/'-separated),
 * which template lays it out, the view it is rendered from, and its mode. The template's name says
 * the file's format ({@code .tf.ftl}, {@code .yaml.ftl}, …), and with it how values are escaped.
 */
public record PlannedFile(String path, String template, Object view, FileMode mode) {

    public PlannedFile {
        Objects.requireNonNull(path);
        Objects.requireNonNull(template);
        Objects.requireNonNull(view);
        Objects.requireNonNull(mode);
    }

    public static PlannedFile of(String path, String template, Object view) {
        return new PlannedFile(path, template, view, FileMode.REGULAR);
    }
}
