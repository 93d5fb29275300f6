package dev.sitec.harness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitec.BrokenSite;
import dev.sitec.family.terraform.TerraformFamily;
import dev.sitec.model.ModelBuilder;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The consumers the harness builds are the ones the generated tree targets: scripts/tool-versions
 * (the one place tool versions are pinned) moves with the versions sitec writes into the tree.
 */
class ToolVersionsTest {

    private final Map<String, String> versions = Consumers.versions(Path.of("scripts/tool-versions"));

    @Test
    void theProviderBuiltIsTheOneVersionsTfPins() {
        assertThat(versions.get("BPG_PROVIDER")).isEqualTo(TerraformFamily.PROVIDER_VERSION);
    }

    @Test
    void theFluxCliBuiltIsTheFluxTheTreeInstalls() {
        assertThat("v" + versions.get("FLUX")).isEqualTo(ModelBuilder.DEFAULT_FLUX_VERSION);
    }

    /** The chart-version reader's go.mod requires the semver library tool-versions names. */
    @Test
    void theChartVersionReaderUsesThePinnedSemverLibrary() throws java.io.IOException {
        assertThat(java.nio.file.Files.readString(Path.of("scripts/harness/semver-constraint/go.mod")))
                .contains("require github.com/Masterminds/semver/v3 v" + versions.get("MASTERMINDS_SEMVER") + "\n");
    }

    @Test
    void kubeconformsSchemasAreForTheReferenceSitesKubernetes() {
        assertThat(BrokenSite.reference().text()).contains("  version: v" + versions.get("KUBERNETES") + "+k3s1\n");
    }

    /** The generated requirements.yml installs the collections the harness checks the tree with. */
    @Test
    void theCollectionsTheTreeRequiresAreThePinnedOnes() throws java.io.IOException {
        assertThat(java.nio.file.Files.readString(Path.of("templates/ansible/requirements.yml.ftl")))
                .contains("  - name: ansible.posix\n    version: \"" + versions.get("ANSIBLE_POSIX") + "\"\n")
                .contains("  - name: community.general\n    version: \"" + versions.get("COMMUNITY_GENERAL") + "\"\n");
    }
}
