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
     * The refusals for writing {@code current} over the tree in {@code outputDir}; a warning instead
     * when that tree's site cannot be read (then nothing is compared, and generate goes on).
     */
    public static List<Diagnostic> check(Site current, SourceMap sources, Path outputDir, String outputName) {
        Optional<Baseline> baseline;
        try {
            baseline = Baseline.recorded(outputDir, outputName);
        } catch (Baseline.Unavailable e) {
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
            findings.add(finding.withHint(concern.hint()));
        }
        findings.sort(Diagnostic.IN_SOURCE_ORDER);
        return findings;
    }
}
