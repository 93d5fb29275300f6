package dev.sitec.write;

/** One way the output folder differs from what site.yaml gives. */
public record Drift(String path, Kind kind) {

    public enum Kind {
        MISSING("missing"), CHANGED("differs"), EDITED("edited by hand (its bytes are not those sitec wrote)"), MODE("executable bit differs"), STALE("no longer generated"),
        INTERRUPTED("an interrupted generate left its commit unfinished (generate finishes it)"),
        LEFTOVER("staged by an interrupted generate (generate removes it)");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
