package dev.sitec.change;

/**
 * The levels {@code plan --fail-on} takes. Each fails on its own changes and every worse one: a CI
 * job that refuses reboots refuses replacements too.
 */
public enum FailLevel {
    /** A change that destroys data. */
    DESTROY,
    /** A guest destroyed: replaced or deleted (and anything that destroys data). */
    REPLACE,
    /** A guest or host restarted, or the K3s cluster changed (and anything above). */
    REBOOT;

    boolean matches(Change change) {
        return switch (this) {
            case DESTROY -> change.kind() == ChangeKind.DESTROYS_DATA;
            case REPLACE -> change.kind().compareTo(ChangeKind.DELETE) <= 0;
            case REBOOT -> change.kind().compareTo(ChangeKind.REBOOT) <= 0 || change.reboots();
        };
    }
}
