package dev.sitec.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitec.model.Ipv4;
import dev.sitec.model.Ipv4Cidr;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The values import reads from the cluster's answers, by type: PVE gives a number as a JSON number or
 * as text ("8192"), and text as text; anything else, or text that is not the number or address it
 * should be, is an {@link UnexpectedValue} naming the key, instead of a NumberFormatException or a
 * silent "" (what Jackson's asText gives for an object).
 */
final class Values {

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,10}");
    private static final Pattern IPV4 = Pattern.compile("(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}"
            + "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

    private Values() {
    }

    /** The text at key: the fallback when it is absent or null; a number or boolean as written. */
    static String text(JsonNode object, String key, String fallback) {
        JsonNode value = object.path(key);
        if (value.isMissingNode() || value.isNull()) {
            return fallback;
        }
        if (value.isValueNode() && !value.isBinary()) {
            return value.asText();
        }
        throw new UnexpectedValue(key, Shown.value(value), "text");
    }

    /** The whole number at key, or the fallback when it is absent or null. */
    static int integer(JsonNode object, String key, int fallback) {
        return optionalInteger(object, key).orElse(fallback);
    }

    /** The same, bounded: PVE's own bounds, or a product of two that must not overflow. */
    static int integer(JsonNode object, String key, int fallback, int min, int max) {
        int value = integer(object, key, fallback);
        if (value < min || value > max) {
            throw new UnexpectedValue(key, Shown.value(object.path(key)), "a whole number from " + min + " to " + max);
        }
        return value;
    }

    static Optional<Integer> optionalInteger(JsonNode object, String key) {
        JsonNode value = object.path(key);
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            return Optional.of(value.intValue());
        }
        if (value.isTextual()) {
            return Optional.of(integer(key, value.textValue()));
        }
        throw new UnexpectedValue(key, Shown.value(value), "a whole number");
    }

    /** Text that must be a whole number (a part of a property string, a number PVE sent as text). */
    static int integer(String key, String text) {
        if (INTEGER.matcher(text).matches()) {
            long value = Long.parseLong(text);
            if (value == (int) value) {
                return (int) value;
            }
        }
        throw new UnexpectedValue(key, Shown.text(text), "a whole number");
    }

    static Ipv4 ipv4(String key, String text) {
        if (!IPV4.matcher(text).matches()) {
            throw new UnexpectedValue(key, Shown.text(text), "an IPv4 address");
        }
        return Ipv4.parse(text);
    }

    /** An address with its prefix length, 192.168.1.10/24. */
    static Ipv4Cidr cidr(String key, String text) {
        int slash = text.indexOf('/');
        String prefix = slash < 0 ? "" : text.substring(slash + 1);
        if (slash < 0 || !IPV4.matcher(text.substring(0, slash)).matches() || !prefix.matches("[0-9]|[12][0-9]|3[0-2]")) {
            throw new UnexpectedValue(key, Shown.text(text), "an IPv4 address with its prefix length (192.168.1.10/24)");
        }
        return Ipv4Cidr.parse(text);
    }
}
