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

    /**
     * The Makefile stages (RUNBOOK.md's) that apply what changed, in the runbook's order: the ISOs, the
     * Proxmox play before Terraform, Terraform (its apply shows the plan and asks first), the rest of
     * Ansible; Flux needs only a push. A first run points at the runbook from its start.
     */
    private static Optional<String> next(WriteReport report, String output) {
        String make = "make -C " + (output.matches("[A-Za-z0-9._/-]+") ? output : "'" + output.replace("'", "'\\''") + "'");
        if (report.unchanged().isEmpty() && report.deleted().isEmpty()) {
            return Optional.of("follow " + output + "/RUNBOOK.md from its first stage (" + make + " help lists them)");
        }
        List<String> changed = new ArrayList<>(report.written());
        changed.addAll(report.deleted());
        List<String> stages = new ArrayList<>();
        if (changed.stream().anyMatch(p -> p.startsWith("installer/"))) {
            stages.add("isos");
        }
        if (changed.stream().anyMatch(p -> p.equals("ansible/playbooks/proxmox.yml") || p.startsWith("ansible/roles/proxmox_"))) {
            stages.add("proxmox");
        }
        if (changed.stream().anyMatch(p -> p.startsWith("terraform/"))) {
            stages.add("guests");
        }
        if (changed.stream().anyMatch(p -> p.startsWith("ansible/") || p.startsWith("cloud-init/"))) {
            stages.add("configure");
        }
        boolean flux = changed.stream().anyMatch(p -> p.startsWith("flux/"));
        if (stages.isEmpty()) {
            return flux ? Optional.of("commit and push " + output + "/flux: Flux applies it") : Optional.empty();
        }
        return Optional.of(make + " " + String.join(" ", stages) + (stages.contains("guests")
                ? " (Terraform shows its plan and asks before it applies)" : "") + (flux ? "; then commit and push "
                + output + "/flux" : ""));
    }
}
