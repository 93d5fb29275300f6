package dev.sitec.validate.rules;

import com.fasterxml.jackson.core.JsonPointer;
import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.model.Kubernetes;
import dev.sitec.model.Site;
import dev.sitec.validate.RuleContext;
import dev.sitec.validate.SiteRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The generated files refer to secrets by name and read them at apply time; each secret the site's
 * contents need must be declared under {@code secrets}, saying where its value comes from.
 */
public final class RequiredSecretsDeclared implements SiteRule {

    public static final String PROXMOX_API_TOKEN = "proxmox_api_token";
    public static final String PBS_PASSWORD = "pbs_password";
    public static final String FLUX_DEPLOY_KEY = "flux_git_deploy_key";
    /** Not required: only joining a node reads it, and the play says so when it is missing. */
    public static final String PROXMOX_ROOT_PASSWORD = "proxmox_root_password";

    @Override
    public List<Diagnostic> check(RuleContext context) {
        Site site = context.site();
        Map<String, String> needed = new LinkedHashMap<>();
        if (!site.clusters().isEmpty()) {
            needed.put(PROXMOX_API_TOKEN, "Terraform's Proxmox API token");
        }
        if (!site.backupServers().isEmpty()) {
            needed.put(PBS_PASSWORD, "the password PVE backs up to PBS with");
        }
        site.kubernetes().values().forEach(k -> {
            needed.put(k.tokenSecret(), "the join token of K3s cluster " + k.name());
            // Only an ssh:// repository is read with a key; an https one is public or reached otherwise.
            k.flux().filter(Kubernetes.Flux::needsDeployKey)
                    .ifPresent(f -> needed.put(FLUX_DEPLOY_KEY, "Flux's Git deploy key for the ssh:// repository"));
        });
        List<Diagnostic> out = new ArrayList<>();
        JsonPointer at = JsonPointer.compile("/secrets");
        needed.forEach((name, what) -> {
            if (!site.secrets().containsKey(name)) {
                out.add(context.errorAtKey(at, "secret '" + name + "' (" + what + ") is not declared")
                        .withHint("add under secrets: " + name + ": { env: " + name.toUpperCase(java.util.Locale.ROOT)
                                + " } (or { file: PATH })"));
            }
        });
        return out;
    }
}
