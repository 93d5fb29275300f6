package dev.sitec.harness;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The APT packages the generated tree installs, by the distribution they are installed on: Debian 13
 * (the cloud-image VMs: cloud-init's packages, the k3s_prereqs and gpu roles) and Ubuntu (the
 * Raspberry Pis: their cloud-init packages and k3s_prereqs). Templated names are resolved as they
 * are on those hosts: the gpu role's kernel-headers metapackage is linux-headers-cloud-amd64 on
 * Debian's genericcloud images. nvidia-container-toolkit comes from NVIDIA's own repository (which
 * the gpu role adds), not Debian's, and is left out.
 *
 * <p>Usage: {@code PackageNames TREE debian|ubuntu} prints one name a line (scripts/ansible-chroot-test
 * checks the Debian ones against Debian 13's index).
 */
public final class PackageNames {

    /** Packages a role installs from a repository other than the distribution's. */
    static final Map<String, String> THIRD_PARTY = Map.of("nvidia-container-toolkit", "NVIDIA's libnvidia-container repository");

    private PackageNames() {
    }

    static TreeSet<String> debian(Path tree) {
        TreeSet<String> names = new TreeSet<>();
        names.addAll(prereqs(tree));
        names.addAll(gpuRole(tree));
        for (Path userData : TreeFiles.under(tree, "cloud-init/vms", p -> TreeFiles.named(p, "user-data"))) {
            names.addAll(cloudInitPackages(userData));
        }
        names.removeAll(THIRD_PARTY.keySet());
        return names;
    }

    static TreeSet<String> ubuntu(Path tree) {
        TreeSet<String> names = new TreeSet<>(prereqs(tree));
        for (Path userData : TreeFiles.under(tree, "cloud-init/machines", p -> TreeFiles.named(p, "user-data"))) {
            names.addAll(cloudInitPackages(userData));
        }
        return names;
    }

    private static List<String> prereqs(Path tree) {
        return strings(single(tree.resolve("ansible/roles/k3s_prereqs/defaults/main.yml")).path("k3s_prereqs_packages"));
    }

    private static List<String> gpuRole(Path tree) {
        Path tasks = tree.resolve("ansible/roles/gpu/tasks/main.yml");
        if (!Files.exists(tasks)) {
            return List.of();
        }
        TreeSet<String> names = new TreeSet<>();
        for (JsonNode task : single(tasks)) {
            for (String name : strings(task.path("ansible.builtin.apt").path("name"))) {
                names.add(name.startsWith("linux-headers-{{") ? "linux-headers-cloud-amd64" : name);
            }
        }
        return List.copyOf(names);
    }

    private static List<String> cloudInitPackages(Path userData) {
        return strings(single(userData).path("packages"));
    }

    private static JsonNode single(Path file) {
        try {
            return Yaml.documents(file).get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> strings(JsonNode node) {
        if (node.isTextual()) {
            return List.of(node.asText());
        }
        List<String> out = new java.util.ArrayList<>();
        node.forEach(n -> out.add(n.asText()));
        return out;
    }

    public static void main(String[] args) {
        if (args.length != 2 || !List.of("debian", "ubuntu").contains(args[1])) {
            System.err.println("usage: PackageNames TREE debian|ubuntu");
            System.exit(2);
        }
        Path tree = Path.of(args[0]);
        (args[1].equals("debian") ? debian(tree) : ubuntu(tree)).forEach(System.out::println);
    }
}
