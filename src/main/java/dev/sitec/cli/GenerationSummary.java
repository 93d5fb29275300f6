package dev.sitec.cli;

import dev.sitec.write.WriteReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What generate says after writing: the totals, a line per family it changed (written, unchanged,
 * deleted), and the command to run next, in the order a lab is applied: installer ISOs, Terraform,
 * Ansible, then Flux (which only needs a push).
 */
final class GenerationSummary {

    /** A family is a top-level folder of the tree; the files at the top (README, manifest) are "tree". */
    private static final List<String> APPLY_ORDER = List.of("installer", "terraform", "ansible", "cloud-init", "flux");

    private GenerationSummary() {
    }

    static List<String> lines(WriteReport report, String output) {
        List<String> lines = new ArrayList<>();
        lines.add(output + ": " + Console.count(report.written().size(), "file") + " written, "
                + report.unchanged().size() + " unchanged, " + report.deleted().size() + " deleted");
        Map<String, int[]> families = new TreeMap<>();
        report.written().forEach(p -> families.computeIfAbsent(family(p), f -> new int[3])[0]++);
        report.unchanged().forEach(p -> families.computeIfAbsent(family(p), f -> new int[3])[1]++);
        report.deleted().forEach(p -> families.computeIfAbsent(family(p), f -> new int[3])[2]++);
        families.forEach((family, n) -> {
            if (n[0] + n[2] > 0) {
                lines.add(String.format("  %-11s %d written, %d unchanged, %d deleted", family, n[0], n[1], n[2]));
            }
        });
        if (!report.disowned().isEmpty()) {
            // Deleting them could lose work: sitec deletes only the bytes it can show it wrote.
            lines.add("kept " + Console.count(report.disowned().size(), "file") + " no longer generated, as "
                    + (report.disowned().size() == 1 ? "its bytes are" : "their bytes are") + " not the ones sitec wrote"
                    + " (now yours to delete): " + report.disowned().stream().limit(10).map(p -> output + "/" + p)
                    .collect(java.util.stream.Collectors.joining(", ")) + (report.disowned().size() > 10 ? ", ..." : ""));
        }
        next(report, output).ifPresent(command -> lines.add("next: " + command));
        return lines;
    }

    private static String family(String path) {
        int slash = path.indexOf('/');
        return slash < 0 ? "tree" : path.substring(0, slash);
    }

    private static Optional<String> next(WriteReport report, String output) {
        List<String> changed = new ArrayList<>(report.written());
        changed.addAll(report.deleted());
        for (String family : APPLY_ORDER) {
            Optional<String> path = changed.stream().filter(p -> p.startsWith(family + "/")).sorted().findFirst();
            if (path.isEmpty()) {
                continue;
            }
            return Optional.of(switch (family) {
                case "installer" -> "prepare the installer ISOs (" + output + "/installer/*/prepare-iso.sh); " + output
                        + "/README.md has the order";
                case "terraform" -> "terraform -chdir=" + output + "/terraform/clusters/" + cluster(changed) + " plan";
                case "ansible", "cloud-init" -> "(cd " + output + "/ansible && ansible-playbook site.yml)";
                default -> "commit and push " + output + "/flux: Flux applies it";
            });
        }
        return Optional.empty();
    }

    /** The first cluster root a change is in (a change to a shared module shows in every root's plan). */
    private static String cluster(List<String> changed) {
        return changed.stream().filter(p -> p.startsWith("terraform/clusters/")).sorted().findFirst()
                .map(p -> p.split("/")[2]).orElse("<cluster>");
    }
}
