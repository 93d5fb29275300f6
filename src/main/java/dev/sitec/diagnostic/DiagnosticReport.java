package dev.sitec.diagnostic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Findings for machines: sitec's own JSON, and SARIF 2.1.0, which GitHub code scanning and editors
 * read to annotate the site file's lines (a result per finding, its rule, level and region).
 */
public final class DiagnosticReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DiagnosticReport() {
    }

    public static String json(List<Diagnostic> diagnostics) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("diagnostics");
        for (Diagnostic d : diagnostics) {
            ObjectNode node = list.addObject();
            node.put("severity", d.severity().label());
            node.put("file", d.location().file());
            node.put("line", d.location().line());
            node.put("column", d.location().column());
            node.put("message", d.message());
            d.hint().ifPresentOrElse(h -> node.put("hint", h), () -> node.putNull("hint"));
            node.put("rule", d.rule());
        }
        for (Severity severity : Severity.values()) {
            root.put(severity.label() + "s", diagnostics.stream().filter(d -> d.severity() == severity).count());
        }
        return write(root);
    }

    /** One SARIF run of the tool sitec; every rule that found something is listed in its driver. */
    public static String sarif(List<Diagnostic> diagnostics, String version) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "sitec");
        driver.put("version", version);
        driver.put("informationUri", "https://sitec.dev");
        ArrayNode rules = driver.putArray("rules");
        new TreeSet<>(diagnostics.stream().map(DiagnosticReport::ruleId).toList())
                .forEach(id -> rules.addObject().put("id", id));
        ArrayNode results = run.putArray("results");
        for (Diagnostic d : diagnostics) {
            ObjectNode result = results.addObject();
            result.put("ruleId", ruleId(d));
            result.put("level", d.severity().name().toLowerCase(Locale.ROOT));
            result.putObject("message").put("text", d.message() + d.hint().map(h -> " (hint: " + h + ")").orElse(""));
            ObjectNode physical = result.putArray("locations").addObject().putObject("physicalLocation");
            physical.putObject("artifactLocation").put("uri", d.location().file());
            physical.putObject("region").put("startLine", d.location().line()).put("startColumn", d.location().column());
        }
        return write(root);
    }

    private static String ruleId(Diagnostic d) {
        return "sitec/" + (d.rule().isEmpty() ? "other" : d.rule());
    }

    private static String write(ObjectNode root) {
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serialises", e);
        }
    }
}
