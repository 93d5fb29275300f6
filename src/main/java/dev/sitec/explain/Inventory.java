package dev.sitec.explain;

import dev.sitec.render.RenderedFile;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The Ansible groups a host is in, read from the rendered inventory (hosts.yml) as Ansible reads it:
 * a group holds its own hosts and those of its children, wherever a group is defined.
 */
final class Inventory {

    private Inventory() {
    }

    static List<String> groupsOf(List<RenderedFile> files, String host) {
        RenderedFile hosts = files.stream().filter(f -> f.path().equals("ansible/inventory/hosts.yml")).findFirst().orElse(null);
        if (hosts == null) {
            return List.of();
        }
        Map<?, ?> all = (Map<?, ?>) ((Map<?, ?>) new Load(LoadSettings.builder().build()).loadFromString(hosts.text())).get("all");
        Map<String, Set<String>> direct = new HashMap<>();
        Map<String, Set<String>> children = new HashMap<>();
        collect((Map<?, ?>) all.get("children"), direct, children);
        TreeSet<String> found = new TreeSet<>();
        for (String group : direct.keySet()) {
            if (holds(group, host, direct, children, new HashSet<>())) {
                found.add(group);
            }
        }
        return List.copyOf(found);
    }

    private static void collect(Map<?, ?> groups, Map<String, Set<String>> direct, Map<String, Set<String>> children) {
        if (groups == null) {
            return;
        }
        groups.forEach((name, body) -> {
            Set<String> own = direct.computeIfAbsent((String) name, n -> new TreeSet<>());
            Set<String> kids = children.computeIfAbsent((String) name, n -> new TreeSet<>());
            if (body instanceof Map<?, ?> group) {
                if (group.get("hosts") instanceof Map<?, ?> h) {
                    h.keySet().forEach(k -> own.add((String) k));
                }
                if (group.get("children") instanceof Map<?, ?> c) {
                    c.keySet().forEach(k -> kids.add((String) k));
                    collect(c, direct, children);
                }
            }
        });
    }

    private static boolean holds(String group, String host, Map<String, Set<String>> direct,
                                 Map<String, Set<String>> children, Set<String> seen) {
        if (!seen.add(group)) {
            return false;
        }
        if (direct.getOrDefault(group, Set.of()).contains(host)) {
            return true;
        }
        return children.getOrDefault(group, Set.of()).stream().anyMatch(c -> holds(c, host, direct, children, seen));
    }
}
