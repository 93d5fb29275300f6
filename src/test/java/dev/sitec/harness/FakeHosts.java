package dev.sitec.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sitec.BrokenSite;
import dev.sitec.write.OutputWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the generated Ansible roles for real, on this machine, against stand-ins for the host
 * commands they call (pvecm, pvesm, pvesh, qm, efibootmgr, proxmox-backup-manager, ...). Each stand-in
 * records its arguments and standard input and answers as the real command does in the scenario the
 * test sets up, so a test sees exactly which commands a role would run on a real host, and with
 * what, after its Jinja, conditions and loops have been evaluated by Ansible itself.
 */
final class FakeHosts {

    /** The commands the stand-in answers for; any other command runs for real. */
    static final List<String> COMMANDS = List.of("pvecm", "pvenode", "pvesh", "pvesm", "pveum", "qm", "pct", "efibootmgr",
            "proxmox-boot-tool", "proxmox-backup-manager", "ifreload", "hostname", "reboot", "k3s");

    private static final String STAND_IN = """
            #!/usr/bin/env python3
            # A stand-in for a host command: records argv and stdin, answers from responses.json.
            import json, os, select, sys
            argv = [os.path.basename(sys.argv[0])] + sys.argv[1:]
            stdin = ""
            if select.select([sys.stdin], [], [], 0.2)[0]:
                stdin = sys.stdin.read()
            with open(os.environ["SITEC_FAKE_LOG"], "a") as log:
                log.write(json.dumps({"argv": argv, "stdin": stdin}) + "\\n")
            line = " ".join(argv)
            with open(os.environ["SITEC_FAKE_LOG"]) as log:
                earlier = [" ".join(json.loads(l)["argv"]) for l in log.read().splitlines()[:-1]]
            best = None
            for answer in json.load(open(os.environ["SITEC_FAKE_RESPONSES"])):
                # An answer given "after" a command holds once that command has run (a state change).
                after = answer.get("after")
                if after and not any(e.startswith(after) for e in earlier):
                    continue
                rank = (len(answer["prefix"]), 1 if after else 0)
                if line.startswith(answer["prefix"]) and (best is None or rank > best[0]):
                    best = (rank, answer)
            if best:
                sys.stdout.write(best[1].get("stdout", ""))
                sys.stderr.write(best[1].get("stderr", ""))
                sys.exit(best[1].get("rc", 0))
            """;

    private final Path dir;
    private final Path tree;
    private final Map<String, ObjectNode> responses = new LinkedHashMap<>();
    private final ObjectMapper json = new ObjectMapper();

    FakeHosts(Path dir, BrokenSite site) {
        this.dir = dir;
        this.tree = dir.resolve("generated");
        try {
            new OutputWriter().write(tree, List.copyOf(site.generate(Files.createDirectories(dir.resolve("site"))).values()));
            withoutRoleDependencies();
            Path bin = Files.createDirectories(dir.resolve("bin"));
            Path standIn = bin.resolve("stand-in");
            Files.writeString(standIn, STAND_IN);
            Files.setPosixFilePermissions(standIn, PosixFilePermissions.fromString("rwxr-xr-x"));
            for (String command : COMMANDS) {
                Files.createSymbolicLink(bin.resolve(command), standIn);
            }
            Files.createDirectories(dir.resolve("tokens"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The one change to the generated tree: its roles' dependencies (proxmox_repositories, which
     * rewrites the host's APT sources) are dropped from this copy, as they would change this machine.
     */
    private void withoutRoleDependencies() throws IOException {
        try (var roles = Files.list(tree.resolve("ansible/roles"))) {
            for (Path role : roles.toList()) {
                Path meta = role.resolve("meta/main.yml");
                String text = Files.readString(meta);
                int dependencies = text.indexOf("\ndependencies:");
                if (dependencies >= 0) {
                    Files.writeString(meta, text.substring(0, dependencies) + "\ndependencies: []\n");
                }
            }
        }
    }

    /** The command line (or its start) answers with this exit code and output. */
    FakeHosts answer(String commandLine, int rc, String stdout) {
        return answer(commandLine, rc, stdout, "");
    }

    /** The command line (or its start) answers with this exit code, output and error output. */
    FakeHosts answer(String commandLine, int rc, String stdout, String stderr) {
        ObjectNode answer = json.createObjectNode().put("prefix", commandLine).put("rc", rc).put("stdout", stdout)
                .put("stderr", stderr);
        responses.put(commandLine, answer);
        return this;
    }

    /**
     * Once a command starting with {@code earlier} has run, the command line (or its start) answers
     * thus: a host whose state that command changed (a node that joined sees the cluster's storage).
     */
    FakeHosts answerAfter(String earlier, String commandLine, int rc, String stdout) {
        ObjectNode answer = json.createObjectNode().put("prefix", commandLine).put("after", earlier).put("rc", rc)
                .put("stdout", stdout).put("stderr", "");
        responses.put(commandLine + "\u0000after " + earlier, answer);
        return this;
    }

    /**
     * Replaces {@code from} (which must be there) by {@code to} in one file of this copy of the tree:
     * for what cannot run against this machine at all (a role that rewrites its network, a reboot),
     * each use named and justified by its test.
     */
    FakeHosts replaceInTree(String file, String from, String to) {
        try {
            Path path = tree.resolve(file);
            String text = Files.readString(path);
            if (!text.contains(from)) {
                throw new IllegalArgumentException(file + " does not contain " + from);
            }
            Files.writeString(path, text.replace(from, to));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code content} over one file of this copy of the tree (a role that must not run here). */
    FakeHosts writeInTree(String file, String content) {
        try {
            Files.writeString(tree.resolve(file), content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs one of the tree's playbooks (path below ansible/) on {@code limit}, every host reached
     * through a local connection, with {@code extraVars} (key=value, templated per host by Ansible; an
     * argument starting with -- is passed as it is).
     */
    Run playbook(String playbook, String limit, String... extraVars) {
        List<String> command = new ArrayList<>(List.of("ansible-playbook", "-i", "inventory", playbook, "--limit", limit));
        for (String var : extraVars) {
            if (!var.startsWith("--")) {
                command.add("-e");
            }
            command.add(var);
        }
        return run(command);
    }

    /** ansible-playbook --list-tasks of one of the tree's playbooks: its plays and their tasks, in order. */
    String listTasks(String playbook) {
        ExternalTool.Result result = ExternalTool.run(tree.resolve("ansible"), Map.of(
                        "ANSIBLE_CONFIG", tree.resolve("ansible/ansible.cfg").toString(), "ANSIBLE_NOCOLOR", "1"),
                List.of("ansible-playbook", "-i", "inventory", playbook, "--list-tasks"));
        if (!result.ok()) {
            throw new IllegalStateException(result.output());
        }
        return result.output();
    }

    Path tokenDir() {
        return dir.resolve("tokens");
    }

    Path tree() {
        return tree;
    }

    /** One recorded call of a stand-in. */
    record Call(List<String> argv, String stdin) {
        String line() {
            return String.join(" ", argv);
        }
    }

    /** What a play run did: its output and the stand-ins' calls, in order. */
    record Run(ExternalTool.Result result, List<Call> calls) {
        List<String> lines() {
            return calls.stream().map(Call::line).toList();
        }
    }

    /**
     * Runs {@code tasks} (a play's task list) on {@code host} with the generated inventory's
     * variables, every host reached through a local connection.
     */
    Run play(String host, String tasks) {
        try {
            Path playbook = tree.resolve("ansible/sitec-test-play.yml");
            Files.writeString(playbook, "- hosts: " + host + "\n  gather_facts: false\n  tasks:\n" + tasks.indent(4));
            return run(List.of("ansible-playbook", "-i", "inventory", playbook.getFileName().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Run run(List<String> ansiblePlaybook) {
        try {
            Path log = dir.resolve("calls.jsonl");
            Files.deleteIfExists(log);
            Files.createFile(log);
            Path answers = dir.resolve("responses.json");
            Files.writeString(answers, json.writeValueAsString(responses.values()));
            String path = dir.resolve("bin") + ":" + System.getenv("PATH");
            List<String> command = new ArrayList<>(ansiblePlaybook);
            command.addAll(List.of("-e", "ansible_connection=local", "-e", "ansible_become=false",
                    "-e", "ansible_python_interpreter=" + python(),
                    "-e", "sitec_token_dir=" + tokenDir()));
            ExternalTool.Result result = ExternalTool.run(tree.resolve("ansible"), Map.of(
                            "PATH", path, "SITEC_FAKE_LOG", log.toString(), "SITEC_FAKE_RESPONSES", answers.toString(),
                            "ANSIBLE_CONFIG", tree.resolve("ansible/ansible.cfg").toString(), "ANSIBLE_NOCOLOR", "1"),
                    command);
            List<Call> calls = new ArrayList<>();
            if (Files.exists(log)) {
                for (String line : Files.readAllLines(log)) {
                    JsonNode call = json.readTree(line);
                    List<String> argv = new ArrayList<>();
                    call.path("argv").forEach(a -> argv.add(a.asText()));
                    calls.add(new Call(argv, call.path("stdin").asText()));
                }
            }
            return new Run(result, calls);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Python that runs ansible-playbook, so modules find the same libraries. */
    private static String python() {
        for (String candidate : List.of("/usr/bin/python3", "python3")) {
            if (candidate.startsWith("/") ? Files.isExecutable(Path.of(candidate)) : ExternalTool.available(candidate)) {
                return candidate;
            }
        }
        return "python3";
    }
}
