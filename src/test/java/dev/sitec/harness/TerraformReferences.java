package dev.sitec.harness;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What `terraform validate` would check without a provider download: within each module folder,
 * every var.x, local.x, module.m.output and resource reference resolves; every module call passes
 * only variables the called module declares, and all that it requires.
 */
final class TerraformReferences {

    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{(.*)\\}", Pattern.DOTALL);
    private static final Pattern VAR = Pattern.compile("(?<![\\w.])var\\.([A-Za-z_][\\w-]*)");
    private static final Pattern LOCAL = Pattern.compile("(?<![\\w.])local\\.([A-Za-z_][\\w-]*)");
    private static final Pattern MODULE = Pattern.compile("(?<![\\w.])module\\.([A-Za-z_][\\w-]*)(?:\\[[^\\]]*\\])?(?:\\.([A-Za-z_][\\w-]*))?");
    private static final Pattern RESOURCE = Pattern.compile("(?<![\\w.\"])((?:data\\.)?proxmox_[a-z0-9_]+)\\.([A-Za-z_][\\w-]*)");
    private static final Set<String> MODULE_META = Set.of("source", "version", "for_each", "count", "depends_on", "providers");

    /** A module folder: what it declares, and the bodies to scan. */
    private static final class Module {
        final Set<String> variables = new HashSet<>();
        final Set<String> requiredVariables = new HashSet<>();
        final Set<String> locals = new HashSet<>();
        final Set<String> outputs = new HashSet<>();
        final Set<String> resources = new HashSet<>();
        final Map<String, JsonNode> calls = new TreeMap<>();
        final Map<String, JsonNode> files = new TreeMap<>();
    }

    /** Parsed files by absolute path; problems are reported relative to {@code root}. */
    static List<Problem> check(Path root, Map<Path, JsonNode> parsed) {
        Map<Path, Module> modules = new HashMap<>();
        parsed.forEach((file, json) -> {
            Module module = modules.computeIfAbsent(file.getParent(), d -> new Module());
            module.files.put(file.toString(), json);
            declare(module, json);
        });
        List<Problem> problems = new ArrayList<>();
        for (Map.Entry<Path, Module> entry : new TreeMap<>(modules).entrySet()) {
            Path dir = entry.getKey();
            Module module = entry.getValue();
            for (Map.Entry<String, JsonNode> file : module.files.entrySet()) {
                String name = TreeFiles.relative(root.toAbsolutePath(), Path.of(file.getKey()));
                scan(file.getValue(), module, modules, dir, name, problems);
            }
            module.calls.forEach((callName, call) -> {
                Path source = dir.resolve(call.path("source").asText()).normalize();
                Module called = modules.get(source);
                String where = TreeFiles.relative(root.toAbsolutePath(), dir) + ": module \"" + callName + "\"";
                if (called == null) {
                    problems.add(new Problem(where, "source " + call.path("source").asText() + " is no module folder"));
                    return;
                }
                Set<String> passed = new HashSet<>();
                call.fieldNames().forEachRemaining(arg -> {
                    if (!MODULE_META.contains(arg)) {
                        passed.add(arg);
                        if (!called.variables.contains(arg)) {
                            problems.add(new Problem(where, "passes " + arg + ", which the module does not declare"));
                        }
                    }
                });
                for (String required : new TreeMap<>(toMap(called.requiredVariables)).keySet()) {
                    if (!passed.contains(required)) {
                        problems.add(new Problem(where, "does not pass the required variable " + required));
                    }
                }
            });
        }
        return problems;
    }

    private static Map<String, Boolean> toMap(Set<String> names) {
        Map<String, Boolean> map = new TreeMap<>();
        names.forEach(n -> map.put(n, true));
        return map;
    }

    private static void declare(Module module, JsonNode json) {
        each(json.path("variable"), (name, body) -> {
            module.variables.add(name);
            if (!body.has("default")) {
                module.requiredVariables.add(name);
            }
        });
        for (JsonNode locals : json.path("locals")) {
            locals.fieldNames().forEachRemaining(module.locals::add);
        }
        each(json.path("output"), (name, body) -> module.outputs.add(name));
        each(json.path("module"), module.calls::put);
        json.path("resource").fields().forEachRemaining(type -> type.getValue().fieldNames()
                .forEachRemaining(name -> module.resources.add(type.getKey() + "." + name)));
        json.path("data").fields().forEachRemaining(type -> type.getValue().fieldNames()
                .forEachRemaining(name -> module.resources.add("data." + type.getKey() + "." + name)));
    }

    private static void each(JsonNode blocks, java.util.function.BiConsumer<String, JsonNode> action) {
        for (Iterator<Map.Entry<String, JsonNode>> it = blocks.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            for (JsonNode body : e.getValue()) {
                action.accept(e.getKey(), body);
            }
        }
    }

    private static void scan(JsonNode json, Module module, Map<Path, Module> modules, Path dir, String file,
                             List<Problem> problems) {
        Iterator<Map.Entry<String, JsonNode>> top = json.fields();
        while (top.hasNext()) {
            Map.Entry<String, JsonNode> block = top.next();
            if (block.getKey().equals("moved")) {
                for (JsonNode moved : block.getValue()) {
                    movedTarget(moved.path("from").asText(), module, modules, dir, file, problems);
                    movedTarget(moved.path("to").asText(), module, modules, dir, file, problems);
                }
                continue;
            }
            strings(block.getValue(), text -> references(text, module, modules, dir, file, problems));
        }
    }

    private static void references(String text, Module module, Map<Path, Module> modules, Path dir, String file,
                                   List<Problem> problems) {
        Matcher interpolation = INTERPOLATION.matcher(text);
        if (!interpolation.find()) {
            return;
        }
        String expression = interpolation.group(1);
        Matcher m = VAR.matcher(expression);
        while (m.find()) {
            if (!module.variables.contains(m.group(1))) {
                problems.add(new Problem(file, "var." + m.group(1) + " is not declared"));
            }
        }
        m = LOCAL.matcher(expression);
        while (m.find()) {
            if (!module.locals.contains(m.group(1))) {
                problems.add(new Problem(file, "local." + m.group(1) + " is not declared"));
            }
        }
        m = MODULE.matcher(expression);
        while (m.find()) {
            JsonNode call = module.calls.get(m.group(1));
            if (call == null) {
                problems.add(new Problem(file, "module." + m.group(1) + " is not declared"));
            } else if (m.group(2) != null) {
                Module called = modules.get(dir.resolve(call.path("source").asText()).normalize());
                if (called != null && !called.outputs.contains(m.group(2))) {
                    problems.add(new Problem(file, "module." + m.group(1) + " has no output " + m.group(2)));
                }
            }
        }
        m = RESOURCE.matcher(expression);
        while (m.find()) {
            String resource = m.group(1) + "." + m.group(2);
            if (!module.resources.contains(resource)) {
                problems.add(new Problem(file, resource + " is not declared"));
            }
        }
    }

    /** A moved block's address: module.m["k"].type.name[0] must name a resource of module m's source. */
    private static void movedTarget(String address, Module module, Map<Path, Module> modules, Path dir, String file,
                                    List<Problem> problems) {
        Matcher m = Pattern.compile("^\\$\\{module\\.([\\w-]+)(?:\\[[^\\]]*\\])?\\.([\\w]+)\\.([\\w-]+)").matcher(address);
        if (!m.find()) {
            return;
        }
        JsonNode call = module.calls.get(m.group(1));
        Module called = call == null ? null : modules.get(dir.resolve(call.path("source").asText()).normalize());
        if (called == null || !called.resources.contains(m.group(2) + "." + m.group(3))) {
            problems.add(new Problem(file, "moved block names " + address + ", which does not exist"));
        }
    }

    private static void strings(JsonNode node, java.util.function.Consumer<String> visit) {
        if (node.isTextual()) {
            visit.accept(node.asText());
        } else if (node.isContainerNode()) {
            node.elements().forEachRemaining(child -> strings(child, visit));
            if (node.isObject()) {
                node.fieldNames().forEachRemaining(visit);
            }
        }
    }
}
