package dev.sitec.harness;

import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.networknt.schema.Schema;
import java.util.List;

/**
 * The Proxmox automated installer's answer format: TOML that parses, and then validates against the
 * installer's answer schema (vendored from pve-installer 9.2.7).
 */
final class AnswerValidator {

    private final Schema schema = JsonSchemas.load(Contracts.json("answer/answer.schema.json"));

    List<String> validate(String toml) {
        try {
            return JsonSchemas.validate(schema, new TomlMapper().readTree(toml));
        } catch (Exception e) {
            return List.of("not valid TOML: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }
}
