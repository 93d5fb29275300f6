package dev.sitec.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

/** Backup prune settings. */
public record Retention(OptionalInt keepLast, OptionalInt keepHourly, OptionalInt keepDaily,
                        OptionalInt keepWeekly, OptionalInt keepMonthly, OptionalInt keepYearly) {

    /** Without a retention: the last 3, a week of dailies, a month of weeklies, half a year of monthlies. */
    public static final Retention DEFAULT = new Retention(OptionalInt.of(3), OptionalInt.empty(), OptionalInt.of(7),
            OptionalInt.of(4), OptionalInt.of(6), OptionalInt.empty());

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
