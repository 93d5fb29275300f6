package dev.sitec.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

/** Backup prune settings. */
public record Retention(OptionalInt keepLast, OptionalInt keepHourly, OptionalInt keepDaily,
                        OptionalInt keepWeekly, OptionalInt keepMonthly, OptionalInt keepYearly) {

    /** The settings given, as Proxmox names them (keep-last, keep-daily, …), in that order. */
    public Map<String, Integer> options() {
        Map<String, Integer> options = new LinkedHashMap<>();
        put(options, "keep-last", keepLast);
        put(options, "keep-hourly", keepHourly);
        put(options, "keep-daily", keepDaily);
        put(options, "keep-weekly", keepWeekly);
        put(options, "keep-monthly", keepMonthly);
        put(options, "keep-yearly", keepYearly);
        return options;
    }

    private static void put(Map<String, Integer> options, String name, OptionalInt value) {
        value.ifPresent(v -> options.put(name, v));
    }
}
