package dev.sitec.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A HelmRelease's values against its chart's own default values at the pinned version
 * (contracts/helm/CHART-VERSION/values.yaml): Helm and Flux's helm-controller silently ignore a key
 * the chart does not read, so each key path set must exist in the defaults, with the default's
 * type where the default is not null. Below the maps charts document as free-form (nodeSelector,
 * tolerations, ...) any key is legal. A chart whose defaults are not vendored is a problem too.
 */
final class HelmValues {

    /** Keys whose value is a free-form map or list in every chart here (contracts/helm/README.md). */
    static final Set<String> FREE_FORM = Set.of("nodeSelector", "tolerations", "affinity", "annotations", "labels",
            "podAnnotations", "podLabels", "customLabels", "resources", "securityContext", "podSecurityContext",
            "extraArgs", "env", "data");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private HelmValues() {
    }

    /** What is wrong with one HelmRelease document's spec.values. */
    static List<String> check(JsonNode release) {
        JsonNode chart = release.path("spec").path("chart").path("spec");
        String folder = chart.path("chart").asText() + "-" + chart.path("version").asText();
        JsonNode values = release.path("spec").path("values");
        if (values.isMissingNode() || values.isEmpty()) {
            return List.of();
        }
        JsonNode defaults;
        try (InputStream in = HelmValues.class.getResourceAsStream("/contracts/helm/" + folder + "/values.yaml")) {
            if (in == null) {
                return List.of("no default values of chart " + folder + " are vendored (contracts/helm/): its values cannot be checked");
            }
            defaults = YAML.readTree(in);
        } catch (IOException e) {
            return List.of("unreadable default values of chart " + folder + ": " + e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        walk(folder, "", values, defaults, problems);
        return problems;
    }

    private static void walk(String chart, String path, JsonNode set, JsonNode defaults, List<String> problems) {
        for (Map.Entry<String, JsonNode> entry : set.properties()) {
            String key = entry.getKey();
            String at = path.isEmpty() ? key : path + "." + key;
            JsonNode fallback = defaults.get(key);
            if (fallback == null) {
                problems.add("values." + at + " is not a value of chart " + chart + " (Helm would ignore it)");
                continue;
            }
            if (FREE_FORM.contains(key) || fallback.isNull()) {
                continue;
            }
            JsonNode value = entry.getValue();
            if (!type(value).equals(type(fallback))) {
                problems.add("values." + at + " is a " + type(value) + ", but chart " + chart + " has a " + type(fallback) + " there");
            } else if (value.isObject()) {
                walk(chart, at, value, fallback, problems);
            }
        }
    }

    private static String type(JsonNode node) {
        if (node.isObject()) {
            return "map";
        }
        if (node.isArray()) {
            return "list";
        }
        if (node.isBoolean()) {
            return "bool";
        }
        return node.isNumber() ? "number" : "string";
    }
}
