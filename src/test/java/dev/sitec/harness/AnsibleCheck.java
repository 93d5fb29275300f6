package dev.sitec.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every playbook passes `ansible-playbook --syntax-check`; the whole folder passes
 * `ansible-lint --profile production`; rendered K3s configs validate against K3s's flag schemas
 * (K3s only logs a misspelt key); all YAML passes yamllint.
 */
final class AnsibleCheck implements HarnessCheck {

    private final YamlLint yamlLint;

    AnsibleCheck(YamlLint yamlLint) {
        this.yamlLint = yamlLint;
    }

    @Override
    public String family() {
        return "ansible";
    }

    @Override
    public FamilyReport check(Path root) {
        Path dir = root.resolve("ansible");
        List<Path> files = TreeFiles.under(root, "ansible", p -> true);
        List<Problem> problems = new ArrayList<>();
        if (files.isEmpty()) {
            return new FamilyReport(family(), 0, problems);
        }
        List<Path> playbooks = TreeFiles.under(root, "ansible", p -> TreeFiles.endsWith(p, ".yml")
                && (p.getParent().equals(dir) || p.getParent().equals(dir.resolve("playbooks"))));
        Map<String, String> env = Map.of("ANSIBLE_CONFIG", dir.resolve("ansible.cfg").toAbsolutePath().toString(),
                "ANSIBLE_LOCAL_TEMP", System.getProperty("java.io.tmpdir") + "/sitec-ansible-tmp",
                "ANSIBLE_NOCOLOR", "1");
        if (!ExternalTool.available("ansible-playbook")) {
            problems.add(ExternalTool.missing("ansible-playbook"));
        } else {
            for (Path playbook : playbooks) {
                ExternalTool.Result result = ExternalTool.run(dir, env, List.of("ansible-playbook", "--syntax-check",
                        "-i", "inventory", dir.relativize(playbook).toString()));
                if (!result.ok()) {
                    problems.add(new Problem(TreeFiles.relative(root, playbook), "syntax-check: "
                            + result.output().strip().replace('\n', ' ')));
                }
            }
        }
        if (!ExternalTool.available("ansible-lint")) {
            problems.add(ExternalTool.missing("ansible-lint"));
        } else {
            // Files are named explicitly: ansible-lint's own discovery asks git, which knows nothing of
            // a tree outside a repository (or ignored in it).
            List<String> command = new ArrayList<>(List.of("ansible-lint", "--profile", "production", "--offline",
                    "--nocolor", "-p"));
            files.stream().filter(YamlLint::isYaml).forEach(f -> command.add(dir.relativize(f).toString()));
            ExternalTool.Result lint = ExternalTool.run(dir, env, command);
            List<String> findings = lint.output().lines()
                    .filter(l -> l.matches("^[^\\s:]+:\\d+(:\\d+)?: .*")).toList();
            findings.forEach(l -> problems.add(new Problem("ansible/" + l.substring(0, l.indexOf(':')),
                    "ansible-lint: " + l.substring(l.indexOf(':') + 1))));
            if (!lint.ok() && findings.isEmpty()) {
                problems.add(new Problem("ansible", "ansible-lint failed: " + lint.output().strip()));
            }
        }
        problems.addAll(k3sConfigs(root, files));
        problems.addAll(yamlLint.check(root, files.stream().filter(YamlLint::isYaml).toList()));
        return new FamilyReport(family(), files.size(), problems);
    }

    private List<Problem> k3sConfigs(Path root, List<Path> files) {
        List<Problem> problems = new ArrayList<>();
        Schema server = null;
        Schema agent = null;
        for (Path file : files) {
            String fileName = file.getFileName().toString();
            boolean isServer = fileName.startsWith("k3s-server") && fileName.endsWith(".yaml");
            boolean isAgent = fileName.startsWith("k3s-agent") && fileName.endsWith(".yaml");
            if (!isServer && !isAgent) {
                continue;
            }
            if (server == null) {
                server = JsonSchemas.load(Contracts.json("k3s/k3s-config-server.schema.json"));
                agent = JsonSchemas.load(Contracts.json("k3s/k3s-config-agent.schema.json"));
            }
            String name = TreeFiles.relative(root, file);
            try {
                for (JsonNode doc : Yaml.documents(file)) {
                    // The token is a secret: Ansible adds it as config.yaml.d/10-token.yaml when it applies
                    // the role, and K3s merges drop-ins into config.yaml. Check what K3s will read.
                    if (doc.isObject() && !doc.has("token") && !doc.has("token-file")) {
                        doc = ((com.fasterxml.jackson.databind.node.ObjectNode) doc.deepCopy()).put("token", "supplied-at-apply-time");
                    }
                    JsonSchemas.validate(isServer ? server : agent, doc)
                            .forEach(p -> problems.add(new Problem(name, "k3s config: " + p)));
                }
            } catch (IOException e) {
                problems.add(new Problem(name, "not YAML: " + e.getMessage()));
            }
        }
        return problems;
    }

}
