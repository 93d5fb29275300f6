package dev.sitec.diagnostic;

/**
 * A value as a message quotes it: at most {@link #MAX_CHARACTERS} characters, and one line. A message
 * that repeated a value in full would let one large value (or a thousand aliases of it) print
 * hundreds of megabytes of errors.
 */
public final class Quote {

    public static final int MAX_CHARACTERS = 100;

    private Quote() {
    }

    /** {@code value} cut to its first {@value #MAX_CHARACTERS} characters, line breaks and controls escaped. */
    public static String of(String value) {
        StringBuilder quoted = new StringBuilder();
        int shown = 0;
        for (int i = 0; i < value.length() && shown < MAX_CHARACTERS; shown++) {
            int c = value.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029 || c == 0xFEFF) {
                        quoted.append(String.format("\\u%04X", c));
                    } else {
                        quoted.appendCodePoint(c);
                    }
                }
            }
        }
        int total = value.codePointCount(0, value.length());
        if (total > shown) {
            quoted.append("... (").append(total).append(" characters)");
        }
        return quoted.toString();
    }
}
