package dev.sitec.adopt;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A GET path import asks for, checked before it names a file under --from or --record, or a URL: the
 * names in it come from the cluster's answers (a node's name, a VMID), and a node named
 * {@code ../../x} must not lead a saved answer out of its folder. Each segment is a name PVE could
 * give (letters, digits, '.', '_' and '-', not starting with a dot), which is also a plain file name.
 */
final class AnswerPath {

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}");

    private AnswerPath() {
    }

    /** The path's segments, or an error naming the path (a bug of import's if it is not the cluster's). */
    static List<String> segments(String path) throws PveApiException {
        List<String> segments = List.of(path.split("/", -1));
        for (String segment : segments) {
            if (!SEGMENT.matcher(segment).matches()) {
                throw new PveApiException("import was to read " + Shown.text(path) + ", whose part " + Shown.text(segment)
                        + " is not a name PVE gives (letters, digits, '.', '_' and '-'): a name in the cluster's"
                        + " answers would have become a path, and import refuses it",
                        "check the answers the cluster gave (pvesh get /cluster/resources); report it if PVE wrote them");
            }
        }
        return segments;
    }
}
