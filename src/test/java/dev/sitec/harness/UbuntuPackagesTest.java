package dev.sitec.harness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitec.BrokenSite;
import dev.sitec.write.OutputWriter;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every package a Raspberry Pi gets exists in Ubuntu 24.04, by the list the project keeps
 * (contracts/ubuntu/noble-packages.txt, with its sources); the Debian ones are checked against
 * Debian 13's own index by scripts/ansible-chroot-test.
 */
class UbuntuPackagesTest {

    @TempDir
    Path dir;

    private static TreeSet<String> noble() throws Exception {
        TreeSet<String> names = new TreeSet<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Contracts.open("ubuntu/noble-packages.txt"),
                StandardCharsets.UTF_8))) {
            in.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(names::add);
        }
        return names;
    }

    @Test
    void everyPackageAPiInstallsExistsInUbuntu2404() throws Exception {
        Path tree = dir.resolve("generated");
        new OutputWriter().write(tree, List.copyOf(BrokenSite.reference().generate(dir).values()));
        TreeSet<String> installed = PackageNames.ubuntu(tree);
        assertThat(installed).contains("python3", "open-iscsi").doesNotContain("linux-modules-extra-raspi");
        assertThat(noble()).containsAll(installed);
    }

    @Test
    void theDebianListResolvesTheGpuRolesTemplatedHeaders() throws Exception {
        Path tree = dir.resolve("generated");
        new OutputWriter().write(tree, List.copyOf(BrokenSite.reference().generate(dir).values()));
        assertThat(PackageNames.debian(tree)).contains("linux-headers-cloud-amd64", "nvidia-driver", "qemu-guest-agent",
                "open-iscsi").doesNotContain("nvidia-container-toolkit").noneMatch(n -> n.contains("{{"));
    }
}
