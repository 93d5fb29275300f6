package dev.sitec.adopt;

/** Why the cluster could not be read, said so that a person can fix it: what happened, and what to do. */
public final class PveApiException extends Exception {

    private final String hint;
    private final boolean refused;

    public PveApiException(String message, String hint) {
        this(message, hint, false);
    }

    private PveApiException(String message, String hint, boolean refused) {
        super(message);
        this.hint = hint;
        this.refused = refused;
    }

    /** The API answered 403: the token lacks a privilege. */
    static PveApiException refused(String message, String hint) {
        return new PveApiException(message, hint, true);
    }

    boolean isRefusal() {
        return refused;
    }

    public String hint() {
        return hint;
    }
}
