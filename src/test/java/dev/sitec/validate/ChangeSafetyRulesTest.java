package dev.sitec.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitec.BrokenSite;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules of change safety that need no earlier generation: each finding, where it is, with its fix. */
class ChangeSafetyRulesTest {

    @TempDir
    Path dir;

    @Test
    void allowReplaceOnAPetIsAWarningWhileItIsSet() {
        BrokenSite site = BrokenSite.reference().replace("    node: pve3\n    lifecycle: pet",
                "    node: pve3\n    lifecycle: pet\n    allow_replace: true");
        assertThat(site.diagnostics(dir)).containsExactly(site.warning("    allow_replace: true", "allow_replace",
                "allow_replace lifts the protection of pet vm 'pdm': Terraform may destroy it and its data",
                "apply the change it is for, then remove allow_replace and generate again"));
    }

    @Test
    void allowReplaceOnCattleChangesNothing() {
        BrokenSite site = BrokenSite.realLabs().replace("    node: pve-b\n    template: debian-12-lxc",
                "    node: pve-b\n    allow_replace: true\n    template: debian-12-lxc");
        assertThat(site.diagnostics(dir)).contains(site.warning("    allow_replace: true", "allow_replace",
                "allow_replace on cattle container 'jellyfin' changes nothing: only pets are protected", "remove it"));
    }
}
