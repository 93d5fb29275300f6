package dev.sitec.adopt;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A value from the cluster's answers as a message shows it: quoted, with every character that is not
 * plainly visible escaped (it may hold a line break or a terminal's control sequence), and cut short
 * (it may be megabytes long).
 */
final class Shown {

    private static final int MAX = 80;

    private Shown() {
    }

    static String text(String value) {
        return "\"" + bare(value) + "\"";
    }

    /** The same without the quotes, for a value that is one word (a version). */
    static String bare(String value) {
        String cut = value.length() > MAX ? value.substring(0, MAX) + "..." : value;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cut.length(); i++) {
            char c = cut.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (visible(c)) {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.toString();
    }

    /** A JSON value: text quoted, anything else as JSON (whose text is escaped the same way). */
    static String value(JsonNode value) {
        if (value.isTextual()) {
            return text(value.textValue());
        }
        String json = text(value.toString());
        return json.substring(1, json.length() - 1).replace("\\\"", "\"");
    }

    private static boolean visible(char c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.LINE_SEPARATOR,
                 Character.PARAGRAPH_SEPARATOR, Character.UNASSIGNED, Character.PRIVATE_USE -> false;
            default -> true;
        };
    }
}
