package dev.sitec.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The real-tool validation harness: checks a generated tree family by family and prints, for each,
 * the files checked and the problems found. Zero problems is the only passing state.
 *
 * <p>Run by scripts/validate-generated; usage: {@code ValidateGenerated PROJECT_DIR TREE_DIR}.
 */
public final class ValidateGenerated {

    private ValidateGenerated() {
    }

    public static List<HarnessCheck> checks(Path projectDir) {
        YamlLint yamlLint = new YamlLint(projectDir.resolve("scripts/harness/yamllint.yaml"));
        return List.of(
                new InstallerCheck(),
                new CloudInitCheck(yamlLint),
                new TerraformCheck(projectDir.resolve("scripts/harness/node")),
                new TerraformValidate(Consumers.of(projectDir)),
                new Tflint(Consumers.of(projectDir), projectDir.resolve("scripts/harness/tflint.hcl")),
                new AnsibleCheck(yamlLint),
                new FluxCheck(yamlLint),
                new FluxBuild(Consumers.of(projectDir)),
                new K3sManifestsCheck(Consumers.of(projectDir)),
                new Checkov(Consumers.of(projectDir), projectDir.resolve("scripts/harness/checkov.yaml")));
    }

    public static List<FamilyReport> run(Path projectDir, Path tree) {
        List<FamilyReport> reports = new ArrayList<>();
        for (HarnessCheck check : checks(projectDir)) {
            reports.add(check.check(tree));
        }
        return reports;
    }

    public static void main(String[] args) {
        if (args.length != 2 || !Files.isDirectory(Path.of(args[1]))) {
            System.err.println("usage: ValidateGenerated PROJECT_DIR TREE_DIR");
            System.exit(2);
        }
        List<FamilyReport> reports = run(Path.of(args[0]), Path.of(args[1]));
        int problems = 0;
        for (FamilyReport report : reports) {
            System.out.println(report.summary());
            report.problems().forEach(p -> System.out.println("  " + p));
            problems += report.problems().size();
        }
        System.out.println(problems == 0 ? "validate-generated: all families accepted by the real tools"
                : "validate-generated: " + problems + " problem(s)");
        System.exit(problems == 0 ? 0 : 1);
    }
}
