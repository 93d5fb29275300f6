package dev.sitec.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every user-data passes `cloud-init schema` and uses only top-level keys cloud-init knows (the
 * schema command lets unknown ones through); every network-config passes `netplan generate`.
 */
final class CloudInitCheck implements HarnessCheck {

    private final Set<String> topLevelKeys = readKeys();
    private final YamlLint yamlLint;

    CloudInitCheck(YamlLint yamlLint) {
        this.yamlLint = yamlLint;
    }

    @Override
    public String family() {
        return "cloudinit";
    }

    private static Set<String> readKeys() {
        try (var in = Contracts.open("cloudinit/toplevel-keys-22.4.2.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public FamilyReport check(Path root) {
        List<Path> userData = TreeFiles.under(root, "cloud-init", p -> TreeFiles.named(p, "user-data"));
        List<Path> networkConfigs = TreeFiles.under(root, "cloud-init", p -> TreeFiles.named(p, "network-config"));
        List<Path> metaData = TreeFiles.under(root, "cloud-init", p -> TreeFiles.named(p, "meta-data"));
        List<Problem> problems = new ArrayList<>();
        if (!userData.isEmpty() && !ExternalTool.available("cloud-init")) {
            problems.add(ExternalTool.missing("cloud-init"));
        }
        if (!networkConfigs.isEmpty() && !ExternalTool.available("netplan")) {
            problems.add(ExternalTool.missing("netplan"));
        }
        for (Path file : userData) {
            String name = TreeFiles.relative(root, file);
            problems.addAll(userData(root, file, name));
        }
        for (Path file : networkConfigs) {
            problems.addAll(networkConfig(file, TreeFiles.relative(root, file)));
        }
        for (Path file : metaData) {
            problems.addAll(Yaml.parses(file, TreeFiles.relative(root, file)));
        }
        List<Path> all = new ArrayList<>(userData);
        all.addAll(networkConfigs);
        all.addAll(metaData);
        problems.addAll(yamlLint.check(root, all));
        return new FamilyReport(family(), all.size(), problems);
    }

    private List<Problem> userData(Path root, Path file, String name) {
        List<Problem> problems = new ArrayList<>();
        try {
            String text = Files.readString(file);
            if (!text.startsWith("#cloud-config\n")) {
                problems.add(new Problem(name, "does not start with #cloud-config on its first line"));
            }
            var tree = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(text);
            if (tree != null) {
                tree.fieldNames().forEachRemaining(key -> {
                    if (!topLevelKeys.contains(key)) {
                        problems.add(new Problem(name, "unknown top-level key '" + key + "' (cloud-init ignores it)"));
                    }
                });
            }
        } catch (IOException e) {
            problems.add(new Problem(name, "not YAML: " + e.getMessage().lines().findFirst().orElse("")));
            return problems;
        }
        if (ExternalTool.available("cloud-init")) {
            ExternalTool.Result result = ExternalTool.run(root, List.of("cloud-init", "schema", "--config-file",
                    file.toAbsolutePath().toString()));
            if (!result.ok()) {
                problems.add(new Problem(name, "cloud-init schema: " + result.output().strip().replace('\n', ' ')));
            }
        }
        return problems;
    }

    private List<Problem> networkConfig(Path file, String name) {
        if (!ExternalTool.available("netplan")) {
            return List.of();
        }
        Path sandbox = null;
        try {
            sandbox = Files.createTempDirectory("sitec-netplan-");
            Path netplanDir = Files.createDirectories(sandbox.resolve("etc/netplan"));
            Path config = netplanDir.resolve("50-cloud-init.yaml");
            Files.copy(file, config);
            Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
            ExternalTool.Result result = ExternalTool.run(sandbox, List.of("netplan", "generate", "--root-dir",
                    sandbox.toString()));
            // netplan reports problems on stderr even when it exits 0 for some warnings: both count.
            String output = result.output().strip();
            if (!result.ok() || !output.isEmpty()) {
                return List.of(new Problem(name, "netplan generate: " + output.replace('\n', ' ')));
            }
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(sandbox);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }
}
