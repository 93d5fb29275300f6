package dev.sitec.change;

import com.fasterxml.jackson.core.JsonPointer;
import java.util.Optional;

/**
 * One change to the running lab: what it touches ({@code subject}, such as "vm db"), what changes
 * ({@code detail}), why it is classified so ({@code cause}, citing the consumer's source where it
 * decides), and what sitec says about it: a refusal (generate and plan fail) or a warning.
 * {@code at} is where the change is in the new site.
 */
public record Change(ChangeKind kind, String subject, String detail, Optional<String> cause, boolean reboots,
                     Optional<Concern> concern, JsonPointer at) {

    /** What sitec says about a change, and what to do instead: refused, or only warned about. */
    public record Concern(boolean refused, String message, String hint) {
    }

    public static Change of(ChangeKind kind, String subject, String detail, String cause, JsonPointer at) {
        return new Change(kind, subject, detail, Optional.ofNullable(cause), kind == ChangeKind.REBOOT,
                Optional.empty(), at);
    }

    /** The same change for another reason. */
    public Change because(String reason) {
        return new Change(kind, subject, detail, Optional.of(reason), reboots, concern, at);
    }

    public Change rebooting() {
        return new Change(kind, subject, detail, cause, true, concern, at);
    }

    public Change refused(String message, String hint) {
        return new Change(kind, subject, detail, cause, reboots, Optional.of(new Concern(true, message, hint)), at);
    }

    public Change warned(String message, String hint) {
        return new Change(kind, subject, detail, cause, reboots, Optional.of(new Concern(false, message, hint)), at);
    }

    public boolean isRefused() {
        return concern.filter(Concern::refused).isPresent();
    }

    /** One line, as plan prints it. */
    public String line() {
        return subject + ": " + detail + cause.map(c -> "; " + c).orElse("");
    }
}
