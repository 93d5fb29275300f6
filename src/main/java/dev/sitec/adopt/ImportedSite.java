package dev.sitec.adopt;

import dev.sitec.Toolchain;
import java.util.Optional;

/** A running cluster as a site file: what import drafted, and the text it writes. */
public record ImportedSite(DraftView draft, String text) {

    /**
     * Reads the cluster through {@code api} and writes its site.
     *
     * @param endpoint the API endpoint Terraform is given (the --api URL), if import read a live API
     */
    public static ImportedSite read(PveApi api, Optional<String> endpoint) throws PveApiException {
        DraftView draft = SiteDraft.read(new BudgetedPveApi(api), endpoint);
        return new ImportedSite(draft, Toolchain.templateRenderer().renderOwned("import/site.yaml.ftl", draft));
    }

    /** The values the site marks for review: a guess import made, or one it could not know. */
    public long toReview() {
        return text.lines().filter(l -> l.contains("# guess:") || l.contains("# replace:")).count();
    }
}
