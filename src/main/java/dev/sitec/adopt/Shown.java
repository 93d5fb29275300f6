package dev.sitec.adopt;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A value from the cluster's answers as a message shows it: every character that is not plainly
 * visible escaped (it may hold a line break or a terminal's control sequence), and cut short (it may
 * be megabytes long).
 */
final class Shown {

    private static final int MAX = 80;

    private Shown() {
    }

    /** Quoted, with its quotes and backslashes escaped too: where the value starts and ends is seen. */
    static String text(String value) {
        return "\"" + bare(value.replace("\\", "\\\\").replace("\"", "\\\"")) + "\"";
    }

    /** Unquoted, for a value that is one word (a version, a guest's name). */
    static String bare(String value) {
        return escaped(value.length() > MAX ? value.substring(0, MAX) + "..." : value);
    }

    /** A JSON value: text quoted, anything else as JSON. */
    static String value(JsonNode value) {
        return value.isTextual() ? text(value.textValue()) : bare(value.toString());
    }

    /** Every character that is not plainly visible escaped, nothing cut (a parser's message about a file). */
    static String escaped(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (visible(c)) {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.toString();
    }

    private static boolean visible(char c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.LINE_SEPARATOR,
                 Character.PARAGRAPH_SEPARATOR, Character.UNASSIGNED, Character.PRIVATE_USE -> false;
            default -> true;
        };
    }
}
