package dev.sitec.write;

import dev.sitec.render.RenderedFile;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Checks that planned paths stay inside the output folder and do not collide. */
final class OutputPaths {

    private OutputPaths() {
    }

    static void check(List<RenderedFile> files) {
        Map<String, String> seen = new HashMap<>();
        for (RenderedFile file : files) {
            String path = file.path();
            if (!isContained(path)) {
                throw new IllegalArgumentException("planned path escapes the output folder: '" + path + "'");
            }
            // Case-insensitive: a tree that differs only in case breaks on macOS and Windows checkouts.
            String previous = seen.put(path.toLowerCase(Locale.ROOT), path);
            if (previous != null) {
                throw new IllegalArgumentException("two planned files share a path: '" + previous + "' and '" + path + "'");
            }
        }
    }

    /** Relative, '/'-separated, no empty, '.' or '..' segments, no backslashes or NULs. */
    static boolean isContained(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.indexOf('\\') >= 0 || path.indexOf('\0') >= 0) {
            return false;
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }
}
