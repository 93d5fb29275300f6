package dev.sitec.validate.rules;

import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.validate.RuleContext;
import dev.sitec.validate.SiteRule;
import java.util.ArrayList;
import java.util.List;
import dev.sitec.model.Kubernetes;
import java.util.regex.Pattern;

/**
 * A chart version is exact (the same chart on every reconcile) or a semver range Flux's
 * helm-controller can read (Masterminds semver constraints: comparators, ~, ^, x wildcards, ||).
 * A range is accepted with a warning: the cluster then moves whenever the repository publishes.
 */
public final class ChartVersionsPinned implements SiteRule {

    static final Pattern EXACT = Pattern.compile("v?\\d+\\.\\d+\\.\\d+(?:-[0-9A-Za-z.-]+)?(?:\\+[0-9A-Za-z.-]+)?");
    private static final String PART = "(?:\\d+|[xX*])";
    private static final Pattern COMPARATOR = Pattern.compile(
            "(?:=|!=|>|<|>=|<=|=>|=<|~|~>|\\^)?\\s*v?" + PART + "(?:\\." + PART + "){0,2}(?:-[0-9A-Za-z.-]+)?(?:\\+[0-9A-Za-z.-]+)?");
    private static final Pattern HYPHEN = Pattern.compile(
            "v?" + PART + "(?:\\." + PART + "){0,2}\\s+-\\s+v?" + PART + "(?:\\." + PART + "){0,2}");

    @Override
    public List<Diagnostic> check(RuleContext context) {
        List<Diagnostic> out = new ArrayList<>();
        context.site().kubernetes().values().stream().map(Kubernetes::apps).forEach(apps -> apps.values().forEach(app -> {
            String version = app.chartVersion().trim();
            var at = app.origin().appendProperty("chart").appendProperty("version");
            if (EXACT.matcher(version).matches()) {
                return;
            }
            if (isRange(version)) {
                out.add(context.warningAt(at, "app '" + app.name() + "' takes chart versions " + version
                        + ": the cluster upgrades whenever the repository publishes a match")
                        .withHint("pin an exact version for reproducible deployments, e.g. the newest that matches"));
            } else {
                out.add(context.errorAt(at, "app '" + app.name() + "' has chart version '" + version
                        + "', which is neither a version nor a semver range")
                        .withHint("write an exact version such as 1.2.3, or a range such as \">=1.2.0 <2.0.0\" or \"~1.2\""));
            }
        }));
        return out;
    }

    /** A constraint as Masterminds semver parses it: ||-separated groups of comparators (space or comma separated). */
    public static boolean isRange(String text) {
        for (String group : text.split("\\|\\|", -1)) {
            String g = group.trim();
            if (g.isEmpty()) {
                return false;
            }
            if (HYPHEN.matcher(g).matches()) {
                continue;
            }
            for (String comparator : g.replaceAll("([=<>!~^])\\s+", "$1").split("[,\\s]+")) {
                if (!COMPARATOR.matcher(comparator).matches()) {
                    return false;
                }
            }
        }
        return true;
    }
}
