package dev.sitec.adopt;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** Site names (DNS labels) for what PVE names more freely, each used once across the site. */
final class Names {

    private final Set<String> used = new HashSet<>();

    /** The name as a DNS label; a fallback when nothing of it is left; a -VMID suffix when it is taken. */
    String claim(String wanted, String fallback, int vmId) {
        String name = label(wanted);
        if (name.isEmpty()) {
            name = fallback;
        }
        if (!used.add(name)) {
            name = name + "-" + vmId;
            used.add(name);
        }
        return name;
    }

    void reserve(String name) {
        used.add(name);
    }

    static String label(String text) {
        String name = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("-{2,}", "-")
                .replaceAll("^[^a-z]+", "").replaceAll("-+$", "");
        return name.length() > 63 ? name.substring(0, 63).replaceAll("-+$", "") : name;
    }
}
