package dev.sitec.diagnostic;

/**
 * How bad a finding is: errors stop the build, warnings are printed and the build goes on, notes
 * say something worth knowing that may well be meant.
 */
public enum Severity {
    ERROR("error"),
    WARNING("warning"),
    NOTE("note");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
