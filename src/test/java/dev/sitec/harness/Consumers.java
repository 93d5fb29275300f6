package dev.sitec.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where scripts/install-consumers put the consumers it built, and the versions it built them at
 * (scripts/tool-versions, the one place they are pinned). Terraform is the machine's own when it
 * has one, else the OpenTofu the script built.
 */
record Consumers(Path cache, Map<String, String> versions) {

    static Consumers of(Path projectDir) {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg == null || xdg.isEmpty() ? Path.of(System.getProperty("user.home"), ".cache") : Path.of(xdg);
        return new Consumers(base.resolve("sitec/tools"), versions(projectDir.resolve("scripts/tool-versions")));
    }

    /** NAME=value lines of a shell file, comments and blank lines skipped. */
    static Map<String, String> versions(Path file) {
        Map<String, String> versions = new TreeMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                String trimmed = line.strip();
                int eq = trimmed.indexOf('=');
                if (!trimmed.startsWith("#") && eq > 0) {
                    versions.put(trimmed.substring(0, eq), trimmed.substring(eq + 1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(versions);
    }

    String version(String tool) {
        String version = versions.get(tool);
        if (version == null) {
            throw new IllegalStateException("scripts/tool-versions pins no " + tool);
        }
        return version;
    }

    String bpgProvider() {
        return version("BPG_PROVIDER");
    }

    /** terraform from the PATH, else the OpenTofu that install-consumers built. */
    String terraform() {
        return ExternalTool.available("terraform") ? "terraform" : cache.resolve("bin/tofu").toString();
    }

    String terraformName() {
        return ExternalTool.available("terraform") ? "terraform" : "tofu";
    }

    Problem missingTerraform() {
        Path provider = cache.resolve("terraform-mirror/registry.terraform.io/bpg/proxmox/" + bpgProvider()
                + "/linux_amd64/terraform-provider-proxmox_v" + bpgProvider());
        if (!Files.isExecutable(provider)) {
            return new Problem("(harness)", "the bpg/proxmox provider " + bpgProvider() + " is not built; run scripts/install-consumers");
        }
        if (!ExternalTool.available("terraform") && !Files.isExecutable(cache.resolve("bin/tofu"))) {
            return new Problem("(harness)", "neither terraform nor OpenTofu is installed; run scripts/install-consumers");
        }
        return null;
    }

    /** Terraform reads the provider from the mirror only, and never asks a registry. */
    Map<String, String> terraformEnv() {
        return Map.of("TF_CLI_CONFIG_FILE", cache.resolve("terraform.rc").toString(), "TF_IN_AUTOMATION", "1",
                "CHECKPOINT_DISABLE", "1");
    }
}
