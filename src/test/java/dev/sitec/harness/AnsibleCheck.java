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
                && !p.getFileName().toString().equals("requirements.yml")
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
        problems.addAll(requirements(root, dir, files));
        problems.addAll(k3sConfigs(root, files));
        problems.addAll(yamlLint.check(root, files.stream().filter(YamlLint::isYaml).toList()));
        return new FamilyReport(family(), files.size(), problems);
    }

    /**
     * A collection's module as a task's key (namespace.collection.name: and nothing after it on the
     * line, where a variable such as a sysctl name would have its value), or its filter or lookup.
     */
    private static final java.util.regex.Pattern COLLECTION_USE = java.util.regex.Pattern.compile(
            "(?m)^\\s*(?:- )?([a-z0-9_]+\\.[a-z0-9_]+)\\.[a-z0-9_]+:\\s*$"
                    + "|\\|\\s*([a-z0-9_]+\\.[a-z0-9_]+)\\.[a-z0-9_]+"
                    + "|(?:lookup|query)\\(\\s*'([a-z0-9_]+\\.[a-z0-9_]+)\\.[a-z0-9_]+'");

    /**
     * requirements.yml names every collection the tree uses besides ansible.builtin, at exactly the
     * version installed here (`ansible-galaxy collection list`), which is what the syntax check, the
     * lint and the role runs used: the owner installs what was checked.
     */
    static List<Problem> requirements(Path root, Path dir, List<Path> files) {
        List<Problem> problems = new ArrayList<>();
        Path file = dir.resolve("requirements.yml");
        String name = TreeFiles.relative(root, file);
        Map<String, String> pinned = new java.util.TreeMap<>();
        try {
            for (JsonNode doc : Yaml.documents(file)) {
                doc.path("collections").forEach(c -> pinned.put(c.path("name").asText(), c.path("version").asText()));
            }
        } catch (IOException e) {
            return List.of(new Problem(name, "missing or not YAML: " + e.getMessage()));
        }
        java.util.Set<String> used = new java.util.TreeSet<>();
        for (Path f : files) {
            if (YamlLint.isYaml(f)) {
                try {
                    COLLECTION_USE.matcher(Files.readString(f)).results()
                            .map(m -> m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3))
                            .filter(c -> !c.equals("ansible.builtin") && !c.equals("ansible.legacy")).forEach(used::add);
                } catch (IOException e) {
                    problems.add(new Problem(TreeFiles.relative(root, f), "unreadable: " + e.getMessage()));
                }
            }
        }
        used.stream().filter(c -> !pinned.containsKey(c))
                .forEach(c -> problems.add(new Problem(name, "the tree uses collection " + c + ", which it does not list")));
        if (ExternalTool.available("ansible-galaxy")) {
            ExternalTool.Output list = ExternalTool.runApart(dir, List.of("ansible-galaxy", "collection", "list", "--format", "json"), null);
            Map<String, String> installed = new java.util.HashMap<>();
            try {
                // One object per collection path; the first path that has a collection is the one Ansible loads.
                List<JsonNode> paths = new ArrayList<>();
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(list.stdout()).forEach(paths::add);
                for (JsonNode path : paths) {
                    path.fields().forEachRemaining(e -> installed.putIfAbsent(e.getKey(), e.getValue().path("version").asText()));
                }
            } catch (IOException e) {
                return List.of(new Problem("(harness)", "ansible-galaxy collection list: " + list.stderr().strip()));
            }
            pinned.forEach((collection, version) -> {
                if (!version.equals(installed.get(collection))) {
                    problems.add(new Problem(name, collection + " is pinned at " + version + " but the tree was checked with "
                            + installed.getOrDefault(collection, "no such collection")));
                }
            });
        }
        return problems;
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
