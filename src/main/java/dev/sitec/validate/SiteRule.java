package dev.sitec.validate;

import dev.sitec.diagnostic.Diagnostic;
import java.util.List;

/**
 * One semantic rule: takes the model and returns what is wrong with it, located in site.yaml.
 * Rules run after the schema has passed, so the shapes are right; they check meaning.
 */
public interface SiteRule {

    List<Diagnostic> check(RuleContext context);
}
