package dev.sitec.render;

/**
 * The one escaping function per target format. Each escapes a value for the inside of that format's
 * quoted string, so a template writes the quotes ({@code name = "[=vm.name]"}) and no value can end
 * the string early or start an interpolation.
 */
public final class Escapers {

    private Escapers() {
    }

    /**
     * HCL quoted string: backslash escapes, and {@code ${}/%{} doubled so that Terraform reads them as
     * literal text instead of interpolations or template directives.
     */
    public static String hcl(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            char next = i + 1 < value.length() ? value.charAt(i + 1) : 0;
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '$', '%' -> out.append(c).append(next == '{' ? String.valueOf(c) : "");
                default -> appendOrUnicode(out, c);
            }
        }
        return out.toString();
    }

    /** YAML double-quoted scalar: every character that could end or alter the scalar is escaped. */
    public static String yaml(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\u0085' -> out.append("\\N");
                case '\u00a0' -> out.append("\\_");
                case '\u2028' -> out.append("\\L");
                case '\u2029' -> out.append("\\P");
                default -> appendOrUnicode(out, c);
            }
        }
        return out.toString();
    }

    /** TOML basic string (double quotes). */
    public static String toml(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> appendOrUnicode(out, c);
            }
        }
        return out.toString();
    }

    /** JSON string. */
    public static String json(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> appendOrUnicode(out, c);
            }
        }
        return out.toString();
    }

    /**
     * POSIX shell single-quoted word: inside single quotes nothing is special but the quote itself,
     * which is closed, escaped and reopened.
     */
    public static String shell(String value) {
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a shell word cannot hold a NUL character");
        }
        return value.replace("'", "'\\''");
    }

    private static void appendOrUnicode(StringBuilder out, char c) {
        if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\u%04x", (int) c));
        } else {
            out.append(c);
        }
    }
}
