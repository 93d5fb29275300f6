package dev.sitec.validate.rules;

import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.model.SiteFormat;
import dev.sitec.validate.RuleContext;
import dev.sitec.validate.SiteRule;
import java.util.List;

/** A file without apiVersion is read as sitec.dev/v1; it should say so, for the day the format moves on. */
public final class ApiVersionDeclared implements SiteRule {

    @Override
    public List<Diagnostic> check(RuleContext context) {
        if (context.site().format().declared()) {
            return List.of();
        }
        return List.of(Diagnostic.warning(dev.sitec.diagnostic.SourceLocation.startOf(context.sources().file()),
                        "no apiVersion: read as " + SiteFormat.Version.V1.apiVersion())
                .withHint("add apiVersion: " + SiteFormat.Version.V1.apiVersion() + " at the top, or run sitec migrate to"
                        + " move to " + SiteFormat.LATEST.apiVersion()));
    }
}
