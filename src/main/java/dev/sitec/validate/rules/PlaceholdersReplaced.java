package dev.sitec.validate.rules;

import com.fasterxml.jackson.core.JsonPointer;
import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.model.Placeholders;
import dev.sitec.model.SiteInfo;
import dev.sitec.validate.RuleContext;
import dev.sitec.validate.SiteRule;
import java.util.ArrayList;
import java.util.List;

/**
 * The SSH key and password hash `sitec init` and `sitec import` write for the person to replace are
 * values that validate, so that the rest of the file can be checked, but nothing may be generated
 * from them: every host would get a key no one has and a password no one knows.
 */
public final class PlaceholdersReplaced implements SiteRule {

    private static final JsonPointer SITE = JsonPointer.compile("/site");

    @Override
    public List<Diagnostic> check(RuleContext context) {
        SiteInfo info = context.site().info();
        List<Diagnostic> out = new ArrayList<>();
        List<String> keys = info.sshAuthorizedKeys();
        for (int i = 0; i < keys.size(); i++) {
            if (Placeholders.isPlaceholderKey(keys.get(i))) {
                out.add(context.errorAt(SITE.appendProperty("ssh_authorized_keys").appendIndex(i),
                        "site.ssh_authorized_keys holds the placeholder sitec wrote, not your public key: every host would"
                                + " let in a key no one has")
                        .withHint("paste your public key (cat ~/.ssh/id_ed25519.pub; make one with ssh-keygen -t ed25519)"));
            }
        }
        if (info.passwordHash().equals(Placeholders.PASSWORD_HASH)) {
            out.add(context.errorAt(SITE.appendProperty("password_hash"), "site.password_hash is the placeholder sitec"
                    + " wrote, not the hash of your password: no one could log in with a password")
                    .withHint("make one with mkpasswd -m sha-512 (Debian's whois package) or openssl passwd -6, and paste it in quotes"));
        }
        return out;
    }
}
