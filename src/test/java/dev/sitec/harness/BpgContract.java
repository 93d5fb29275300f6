package dev.sitec.harness;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks parsed Terraform (HashiCorp's HCL → JSON) against the bpg/proxmox provider's contract:
 * only current resource types (no deprecated alias, nothing experimental), only arguments the
 * provider has (not read-only, not deprecated), every required argument set, blocks as blocks.
 */
final class BpgContract {

    private static final Set<String> META_ARGUMENTS = Set.of("count", "for_each", "depends_on", "provider",
            "lifecycle", "provisioner", "connection");

    private final JsonNode contract;

    BpgContract(JsonNode contract) {
        this.contract = contract;
    }

    static BpgContract vendored() {
        return new BpgContract(Contracts.json("bpg-proxmox.json"));
    }

    String providerVersion() {
        return contract.path("provider").path("version").asText();
    }

    List<String> check(JsonNode file) {
        List<String> problems = new ArrayList<>();
        typed(file.path("resource"), contract.path("resources"), "resource", problems);
        typed(file.path("data"), contract.path("data_sources"), "data source", problems);
        for (JsonNode provider : file.path("provider").path("proxmox")) {
            body(provider, contract.path("provider_config"), "provider \"proxmox\"", problems, false);
        }
        for (JsonNode terraform : file.path("terraform")) {
            for (JsonNode providers : terraform.path("required_providers")) {
                JsonNode proxmox = providers.path("proxmox");
                if (!proxmox.isMissingNode() && !"bpg/proxmox".equals(proxmox.path("source").asText())) {
                    problems.add("required_providers.proxmox.source must be bpg/proxmox, not "
                            + proxmox.path("source").asText());
                }
            }
        }
        return problems;
    }

    private void typed(JsonNode byType, JsonNode known, String what, List<String> problems) {
        for (Iterator<Map.Entry<String, JsonNode>> types = byType.fields(); types.hasNext(); ) {
            Map.Entry<String, JsonNode> type = types.next();
            if (!type.getKey().startsWith("proxmox_")) {
                continue; // other providers (null, local, …) are not this contract's business
            }
            JsonNode schema = known.get(type.getKey());
            if (schema == null) {
                problems.add("unknown " + what + " type " + type.getKey());
                continue;
            }
            if (schema.path("deprecated_type").asBoolean()) {
                problems.add(what + " " + type.getKey() + " is deprecated; use " + schema.path("replaced_by").asText());
            }
            if (schema.path("experimental").asBoolean()) {
                problems.add(what + " " + type.getKey() + " is experimental, not for production");
            }
            for (Iterator<Map.Entry<String, JsonNode>> names = type.getValue().fields(); names.hasNext(); ) {
                Map.Entry<String, JsonNode> name = names.next();
                for (JsonNode instance : name.getValue()) {
                    body(instance, schema, type.getKey() + "." + name.getKey(), problems, true);
                }
            }
        }
    }

    /** Checks one block body against the schema node that lists its {@code arguments}. */
    private void body(JsonNode body, JsonNode schema, String where, List<String> problems, boolean topLevel) {
        JsonNode arguments = schema.path("arguments");
        for (Iterator<Map.Entry<String, JsonNode>> fields = body.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            if (topLevel && META_ARGUMENTS.contains(key)) {
                continue;
            }
            if (key.equals("dynamic")) {
                for (Iterator<Map.Entry<String, JsonNode>> dynamics = field.getValue().fields(); dynamics.hasNext(); ) {
                    Map.Entry<String, JsonNode> dynamic = dynamics.next();
                    JsonNode argument = arguments.get(dynamic.getKey());
                    if (argument == null || !"block".equals(argument.path("kind").asText())) {
                        problems.add(where + ": dynamic \"" + dynamic.getKey() + "\" is not a block of this type");
                        continue;
                    }
                    for (JsonNode d : dynamic.getValue()) {
                        for (JsonNode content : d.path("content")) {
                            body(content, argument, where + "." + dynamic.getKey(), problems, false);
                        }
                    }
                }
                continue;
            }
            JsonNode argument = arguments.get(key);
            if (argument == null) {
                problems.add(where + ": " + (schema.path("attributes").has(key) ? "read-only attribute " : "unknown argument ")
                        + key);
                continue;
            }
            if (argument.path("deprecated").asBoolean(false) || argument.path("deprecated").isTextual()) {
                problems.add(where + ": argument " + key + " is deprecated");
            }
            String kind = argument.path("kind").asText();
            JsonNode value = field.getValue();
            if (kind.equals("block")) {
                if (!isBlockList(value)) {
                    problems.add(where + ": " + key + " is a block (" + key + " { … }), not an attribute");
                    continue;
                }
                int maxItems = argument.path("max_items").asInt(0);
                if (maxItems > 0 && value.size() > maxItems) {
                    problems.add(where + ": at most " + maxItems + " " + key + " block(s), found " + value.size());
                }
                for (JsonNode block : value) {
                    body(block, argument, where + "." + key, problems, false);
                }
            } else if (kind.equals("nested_attribute") && argument.has("arguments")) {
                for (JsonNode item : value.isArray() ? value : List.of(value)) {
                    if (item.isObject() && !isInterpolation(item)) {
                        body(item, argument, where + "." + key, problems, false);
                    }
                }
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> args = arguments.fields(); args.hasNext(); ) {
            Map.Entry<String, JsonNode> arg = args.next();
            boolean setDynamically = body.path("dynamic").has(arg.getKey());
            if (arg.getValue().path("required").asBoolean() && !body.has(arg.getKey()) && !setDynamically) {
                problems.add(where + ": required argument " + arg.getKey() + " is not set");
            }
        }
    }

    private static boolean isBlockList(JsonNode value) {
        if (!value.isArray()) {
            return false;
        }
        for (JsonNode item : value) {
            if (!item.isObject()) {
                return false;
            }
        }
        return true;
    }

    private static boolean isInterpolation(JsonNode node) {
        return node.isTextual();
    }
}
