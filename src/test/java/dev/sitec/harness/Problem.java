package dev.sitec.harness;

/** One thing a real tool (or a contract) refuses in one generated file. */
public record Problem(String file, String message) {

    @Override
    public String toString() {
        return file + ": " + message;
    }
}
