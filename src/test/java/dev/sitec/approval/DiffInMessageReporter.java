package dev.sitec.approval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.approvaltests.core.ApprovalFailureReporter;

/** Fails with `diff -u approved received` in the message, so CI logs show what changed. */
public final class DiffInMessageReporter implements ApprovalFailureReporter {

    @Override
    public boolean report(String received, String approved) {
        String diff;
        try {
            Process process = new ProcessBuilder("diff", "-u", approved, received).redirectErrorStream(true).start();
            diff = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            diff = "(diff unavailable: " + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            diff = "(interrupted)";
        }
        int limit = 60_000;
        throw new AssertionError("the generated tree differs from the approved one; review the diff, then "
                + "approve with: mv " + received + " " + approved + "\n"
                + (diff.length() > limit ? diff.substring(0, limit) + "\n… (diff cut)" : diff));
    }
}
