package dev.sitec.diagnostic;

/** How bad a finding is: errors stop the build, warnings are printed and the build goes on. */
public enum Severity {
    ERROR("error"),
    WARNING("warning");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
