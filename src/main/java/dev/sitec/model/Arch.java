package dev.sitec.model;

/** CPU architecture, as Kubernetes and the images name it. */
public enum Arch {
    AMD64, ARM64;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
