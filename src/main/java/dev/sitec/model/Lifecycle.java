package dev.sitec.model;

/** Cattle can be rebuilt from site.yaml at any time; pets hold data and are never replaced. */
public enum Lifecycle {
    CATTLE, PET;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
