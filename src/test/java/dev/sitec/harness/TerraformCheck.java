package dev.sitec.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Every .tf file parses with HashiCorp's HCL parser, is already in `terraform fmt` form, and uses
 * the bpg/proxmox provider as its contract allows. (References, module calls, argument names and
 * types are Terraform's own to check: TerraformValidate runs it with the real provider. The
 * contract stays for what `terraform validate` does not refuse: experimental resources.)
 */
final class TerraformCheck implements HarnessCheck {

    private final Path nodeTools;

    TerraformCheck(Path nodeTools) {
        this.nodeTools = nodeTools;
    }

    @Override
    public String family() {
        return "terraform";
    }

    @Override
    public FamilyReport check(Path root) {
        List<Path> files = TreeFiles.under(root, "", p -> TreeFiles.endsWith(p, ".tf"));
        List<Problem> problems = new ArrayList<>();
        if (files.isEmpty()) {
            return new FamilyReport(family(), 0, problems);
        }
        if (!ExternalTool.available("node") || !nodeTools.resolve("node_modules/@cdktf/hcl2json").toFile().isDirectory()) {
            problems.add(new Problem("(harness)", "HCL tools are not installed; run scripts/install-validators"));
            return new FamilyReport(family(), files.size(), problems);
        }
        List<String> command = new ArrayList<>(List.of("node", nodeTools.resolve("hcl-check.mjs").toString()));
        files.forEach(f -> command.add(f.toAbsolutePath().toString()));
        ExternalTool.Result result = ExternalTool.run(nodeTools, command);
        if (!result.ok()) {
            problems.add(new Problem("(harness)", "hcl-check failed: " + result.output()));
            return new FamilyReport(family(), files.size(), problems);
        }
        BpgContract contract = BpgContract.vendored();
        ObjectMapper json = new ObjectMapper();
        for (String line : result.output().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode parsed = json.readTree(line);
                String file = TreeFiles.relative(root.toAbsolutePath(), Path.of(parsed.path("file").asText()));
                if (parsed.has("error")) {
                    problems.add(new Problem(file, "does not parse: " + parsed.path("error").asText()));
                    continue;
                }
                if (!parsed.path("canonical").asBoolean()) {
                    problems.add(new Problem(file, "is not in terraform fmt form" + firstDifference(
                            Files.readString(Path.of(parsed.path("file").asText())), parsed.path("formatted").asText())));
                }
                contract.check(parsed.path("json")).forEach(p -> problems.add(new Problem(file, p)));
            } catch (Exception e) {
                problems.add(new Problem("(harness)", "unreadable hcl-check output: " + e.getMessage()));
            }
        }
        return new FamilyReport(family(), files.size(), problems);
    }

    /** Where the file first differs from its formatted form, so the fix is easy to find. */
    static String firstDifference(String actual, String formatted) {
        String[] a = actual.split("\n", -1);
        String[] f = formatted.split("\n", -1);
        for (int i = 0; i < Math.min(a.length, f.length); i++) {
            if (!a[i].equals(f[i])) {
                return " (line " + (i + 1) + ": `" + a[i].strip() + "` should be `" + f[i] + "`)";
            }
        }
        return "";
    }
}
