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
            if (!isSitecs(path)) {
                throw new IllegalArgumentException("planned path is not one sitec may own: '" + path + "'");
            }
            // Case-insensitive: a tree that differs only in case breaks on macOS and Windows checkouts.
            String previous = seen.put(path.toLowerCase(Locale.ROOT), path);
            if (previous != null) {
                throw new IllegalArgumentException("two planned files share a path: '" + previous + "' and '" + path + "'");
            }
        }
    }

    /** Longer paths are no file system's, and checking each folder on the way to one is work that grows with it. */
    static final int MAX_PATH_CHARS = 1024;
    static final int MAX_SEGMENT_CHARS = 255;

    /**
     * Relative, '/'-separated, no empty, '.' or '..' segments, no backslashes, NULs, tabs or line
     * breaks (the records are tab- and line-separated), at most {@value #MAX_PATH_CHARS} characters
     * and {@value #MAX_SEGMENT_CHARS} per segment.
     */
    static boolean isContained(String path) {
        if (path.isEmpty() || path.length() > MAX_PATH_CHARS || path.startsWith("/") || path.indexOf('\\') >= 0
                || path.indexOf('\0') >= 0 || path.indexOf('\t') >= 0 || path.indexOf('\n') >= 0 || path.indexOf('\r') >= 0) {
            return false;
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.length() > MAX_SEGMENT_CHARS) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a record may name {@code path} as a file sitec wrote: contained, with no hidden folder
     * or hidden file below the top (sitec's own dot files are at the top: .sitec-manifest, .gitignore),
     * and none of what the tools leave ({@link ToolOutputs}). A record naming another path is not one
     * sitec wrote.
     */
    static boolean isSitecs(String path) {
        if (!isContained(path) || ToolOutputs.matches(path)) {
            return false;
        }
        int slash = path.indexOf('/');
        return slash < 0 || !path.substring(slash).contains("/.");
    }
}
