package dev.sitec.change;

import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.diagnostic.SourceLocation;
import dev.sitec.load.SourceMap;
import dev.sitec.model.Site;
import dev.sitec.write.RecordedSite;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What generate refuses, compared with the site the tree it replaces was made from: a pet replaced
 * or deleted, a K3s upgrade that skips a minor version or goes down. Each is an error at its place
 * in the edited site; what is dangerous but sometimes meant (K3s servers removed past etcd's quorum)
 * is a warning there.
 */
public final class ChangeGuard {

    private ChangeGuard() {
    }

    /**
     * Starts reading and validating the site the tree in {@code outputDir} was made from, on another
     * thread: it costs as much as validating the edited site, which runs meanwhile. Nothing to compare
     * when it is the site about to be generated, byte for byte ({@code siteBytes}, null if unreadable).
     */
    public static java.util.concurrent.CompletableFuture<Optional<Baseline>> prepare(Path outputDir, String outputName,
                                                                                    byte[] siteBytes) {
        return java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return Baseline.recorded(outputDir, outputName, siteBytes);
            } catch (Baseline.Unavailable e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
    }

    /**
     * The refusals for writing {@code current} over the tree whose site {@code prepared} reads; a
     * warning instead when that site cannot be read (then nothing is compared, and generate goes on).
     */
    public static List<Diagnostic> check(Site current, SourceMap sources,
                                         java.util.concurrent.CompletableFuture<Optional<Baseline>> prepared, String outputName) {
        Optional<Baseline> baseline;
        try {
            baseline = prepared.join();
        } catch (java.util.concurrent.CompletionException failed) {
            if (!(failed.getCause() instanceof Baseline.Unavailable e)) {
                throw failed;
            }
            return List.of(Diagnostic.warning(SourceLocation.startOf(outputName + "/" + RecordedSite.FILE_NAME),
                    "cannot compare with the site " + outputName + " was generated from: " + e.getMessage())
                    .withHint("changes to pets and to the K3s cluster are not checked in this run; sitec plan says more"));
        }
        if (baseline.isEmpty()) {
            return List.of();
        }
        return refusals(SiteComparison.compare(baseline.get().site(), current), sources);
    }

    /** The refusals (errors) and warnings of a plan, at their places in the edited site. */
    public static List<Diagnostic> refusals(ChangePlan plan, SourceMap sources) {
        List<Diagnostic> findings = new ArrayList<>();
        for (Change change : plan.concerns()) {
            Change.Concern concern = change.concern().orElseThrow();
            Diagnostic finding = concern.refused() ? Diagnostic.error(sources.key(change.at()), concern.message())
                    : Diagnostic.warning(sources.key(change.at()), concern.message());
            findings.add(finding.withHint(concern.hint()).foundBy("change-safety"));
        }
        findings.sort(Diagnostic.IN_SOURCE_ORDER);
        return findings;
    }
}
