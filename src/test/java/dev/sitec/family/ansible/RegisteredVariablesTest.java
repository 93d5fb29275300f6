package dev.sitec.family.ansible;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.sitec.BrokenSite;
import dev.sitec.render.RenderedFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A task's {@code register:} outranks a role default of the same name (Ansible's variable precedence:
 * registered vars and set_facts sit above role defaults and include vars), so registering under a
 * default's name replaces the value every later task reads. The proxmox play did that once: the
 * stat of the token file was registered as proxmox_node_token_file, the path's own default, and the
 * next task got a dict for a path on every first install (found by scripts/runbook-rehearsal).
 */
class RegisteredVariablesTest {

    private static final Pattern REGISTER = Pattern.compile("(?m)^\\s*register: ([A-Za-z0-9_]+)\\s*$");

    @TempDir
    Path dir;

    @Test
    void noTaskRegistersUnderTheNameOfARoleDefault() throws Exception {
        Map<String, RenderedFile> files = BrokenSite.realLabs().generate(dir);
        TreeSet<String> defaults = new TreeSet<>();
        for (RenderedFile file : files.values()) {
            if (file.path().matches("ansible/roles/[^/]+/defaults/main\\.yml")) {
                JsonNode node = new YAMLMapper().readTree(file.text());
                node.fieldNames().forEachRemaining(defaults::add);
            }
        }
        assertThat(defaults).as("the defaults were read").contains("proxmox_node_token_file", "proxmox_node_terraform_user");
        List<String> shadowing = new ArrayList<>();
        for (RenderedFile file : files.values()) {
            if (file.path().startsWith("ansible/") && file.path().endsWith(".yml")) {
                Matcher m = REGISTER.matcher(file.text());
                while (m.find()) {
                    if (defaults.contains(m.group(1))) {
                        shadowing.add(file.path() + " registers " + m.group(1));
                    }
                }
            }
        }
        assertThat(shadowing).isEmpty();
    }
}
