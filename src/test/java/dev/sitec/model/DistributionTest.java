package dev.sitec.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The distribution of a container template, from its name as Proxmox's appliance index publishes it. */
class DistributionTest {

    @Test
    void readsProxmoxTemplateNames() {
        assertThat(Distribution.ofTemplateFileName("debian-12-standard_12.7-1_amd64.tar.zst")).contains(Distribution.DEBIAN);
        assertThat(Distribution.ofTemplateFileName("alpine-3.22-default_20250617_amd64.tar.xz")).contains(Distribution.ALPINE);
        assertThat(Distribution.ofTemplateFileName("ubuntu-24.04-standard_24.04-2_amd64.tar.zst")).contains(Distribution.UBUNTU);
        assertThat(Distribution.ofTemplateFileName("archlinux-base_20240911-1_amd64.tar.zst")).contains(Distribution.ARCHLINUX);
        assertThat(Distribution.ofTemplateFileName("fedora-42-default_20250428_amd64.tar.xz")).contains(Distribution.FEDORA);
    }

    /** A name PVE's setup plugins do not know is not guessed: the site says it. */
    @Test
    void guessesNothingElse() {
        assertThat(Distribution.ofTemplateFileName("golden-ct.tar.zst")).isEmpty();
        assertThat(Distribution.ofTemplateFileName("rockylinux-9-default_20240912_amd64.tar.xz")).isEmpty();
        assertThat(Distribution.ofTemplateFileName("unmanaged-1.tar.gz")).isEmpty();
    }

    /** The ids are the provider's operating_system.type values (container/validators.go), less unmanaged. */
    @Test
    void idsAreTheProvidersTypes() {
        assertThat(java.util.Arrays.stream(Distribution.values()).map(Distribution::id)).containsExactly("alpine", "archlinux",
                "centos", "debian", "devuan", "fedora", "gentoo", "nixos", "opensuse", "ubuntu");
    }
}
