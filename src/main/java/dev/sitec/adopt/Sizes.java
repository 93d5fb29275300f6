package dev.sitec.adopt;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PVE's disk sizes (size=32G, 528K, 1T) in the whole GiB the site and the provider count in. */
final class Sizes {

    private static final Pattern SIZE = Pattern.compile("^(\\d{1,15}(?:\\.\\d{1,15})?)([KMGT]?)$");

    private Sizes() {
    }

    /** A size rounded up to whole GiB (at least 1), and whether it had to be rounded. */
    record Gib(int value, boolean rounded) {
    }

    static Optional<Gib> gib(String size) {
        Matcher m = SIZE.matcher(size);
        if (!m.matches()) {
            return Optional.empty();
        }
        double value = Double.parseDouble(m.group(1));
        double gib = switch (m.group(2)) {
            case "K" -> value / (1024 * 1024);
            case "M" -> value / 1024;
            case "G" -> value;
            case "T" -> value * 1024;
            default -> value / (1024.0 * 1024 * 1024);
        };
        int whole = (int) Math.max(1, Math.ceil(gib));
        return Optional.of(new Gib(whole, whole != gib));
    }
}
