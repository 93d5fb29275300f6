package dev.sitec.adopt;

import java.util.Optional;

/**
 * A value in the cluster's answers that is not of the type PVE gives it (a memory that is an object,
 * an MTU of "jumbo"): which key, what it held, what import expected, and in which answer when that is
 * not the configuration of the guest being drafted. Turned into a {@link PveApiException} that names
 * the guest and the file or URL, never shown as an exception.
 */
final class UnexpectedValue extends RuntimeException {

    private final transient Optional<String> answer;

    UnexpectedValue(String key, String shown, String expected) {
        this(Optional.empty(), key + " is " + shown + ", not " + expected);
    }

    private UnexpectedValue(Optional<String> answer, String message) {
        super(message, null, false, false);
        this.answer = answer;
    }

    /** The same, said to be in the answer to {@code path} (unless it was placed already). */
    UnexpectedValue in(String path) {
        return answer.isPresent() ? this : new UnexpectedValue(Optional.of(path), getMessage());
    }

    Optional<String> answer() {
        return answer;
    }

    /** The error a person sees: what, and where. */
    PveApiException located(String what, PveApi api, String fallbackAnswer) {
        String path = answer.orElse(fallbackAnswer);
        return new PveApiException(what + getMessage() + " (" + api.where(path) + ")",
                "PVE does not write it so: if these are saved responses, save them again with --record; if a live"
                        + " cluster gave it, report it with the folder --record saves");
    }
}
