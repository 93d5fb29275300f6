package dev.sitec.validate;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.load.SourceDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * No key or value holds a control character (U+0000–U+001F but tab and newline, U+007F–U+009F):
 * none of the formats sitec writes can carry a NUL, and the rest break shell words, TOML strings,
 * SSH key lines and terminals when they are written out unchanged. Checked before the schema, over
 * the whole document, each at its place.
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    public static List<Diagnostic> check(SourceDocument document) {
        List<Diagnostic> out = new ArrayList<>();
        walk(document, document.root(), JsonPointer.empty(), out);
        return out;
    }

    private static void walk(SourceDocument document, JsonNode node, JsonPointer at, List<Diagnostic> out) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                JsonPointer child = at.appendProperty(entry.getKey());
                int bad = firstControl(entry.getKey());
                if (bad >= 0) {
                    out.add(Diagnostic.error(document.sources().key(child), "a key holds the control character "
                            + name(entry.getKey().charAt(bad))).withHint("remove it: keys are names, plain text"));
                }
                walk(document, entry.getValue(), child, out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(document, node.get(i), at.appendIndex(i), out);
            }
        } else if (node.isTextual()) {
            int bad = firstControl(node.asText());
            if (bad >= 0) {
                out.add(Diagnostic.error(document.sources().value(at), "the value holds the control character "
                        + name(node.asText().charAt(bad))).withHint("remove it; only tabs and line breaks may be in a value"));
            }
        }
    }

    static int firstControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7f && c <= 0x9f)) {
                return i;
            }
        }
        return -1;
    }

    private static String name(char c) {
        return String.format("U+%04X", (int) c);
    }
}
