package dev.sitec.doctor;

/** One check's outcome, as doctor prints it: what was checked, what it found, and the fix when it failed. */
public record Finding(Status status, String subject, String message, String hint) {

    public enum Status {
        OK("ok  "), FAIL("FAIL"), SKIP("skip");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    static Finding ok(String subject, String message) {
        return new Finding(Status.OK, subject, message, null);
    }

    static Finding fail(String subject, String message, String hint) {
        return new Finding(Status.FAIL, subject, message, hint);
    }

    static Finding skip(String subject, String message) {
        return new Finding(Status.SKIP, subject, message, null);
    }
}
