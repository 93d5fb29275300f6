package dev.sitec.model;

import java.util.OptionalInt;

/** Backup prune settings. */
public record Retention(OptionalInt keepLast, OptionalInt keepHourly, OptionalInt keepDaily,
                        OptionalInt keepWeekly, OptionalInt keepMonthly, OptionalInt keepYearly) {
}
