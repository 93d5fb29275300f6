package dev.sitec.cli;

import static dev.sitec.cli.CliTest.sitec;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.sitec.BrokenSite;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * validate --format json and --format sarif: the findings for machines. The SARIF is checked against
 * OASIS's published SARIF 2.1.0 schema (vendored in src/test/resources/sarif, with its origin).
 */
class MachineReadableDiagnosticsTest {

    @TempDir
    Path dir;

    private Path broken() {
        return BrokenSite.reference().replace("k3s-cp-1: { node: pve1", "k3s-cp-1: { node: pve9")
                .replace("    node: pve3\n    lifecycle: pet", "    node: pve3\n    lifecycle: pet\n    allow_replace: true")
                .writeTo(dir);
    }

    @Test
    void sarifIsValidSarif210WithOneResultPerFinding() throws Exception {
        CliTest.Run run = sitec("validate", "-f", broken().toString(), "--format", "sarif");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).isEmpty();
        JsonNode sarif = new ObjectMapper().readTree(run.out());
        Schema schema;
        try (InputStream in = getClass().getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(new ObjectMapper().readTree(in));
        }
        List<Error> errors = schema.validate(sarif);
        assertThat(errors).isEmpty();
        // The check can fail: a level SARIF does not know is refused.
        JsonNode wrong = sarif.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) wrong.at("/runs/0/results/0")).put("level", "fatal");
        assertThat(schema.validate(wrong)).isNotEmpty();

        JsonNode results = sarif.at("/runs/0/results");
        assertThat(results).hasSize(2);
        JsonNode error = results.get(0);
        assertThat(error.path("ruleId").asText()).isEqualTo("sitec/VmReferencesResolve");
        assertThat(error.path("level").asText()).isEqualTo("error");
        assertThat(error.at("/message/text").asText()).isEqualTo("vm 'k3s-cp-1' refers to unknown node 'pve9' (hint: did you mean 'pve1'?)");
        assertThat(error.at("/locations/0/physicalLocation/artifactLocation/uri").asText()).isEqualTo(broken().toString());
        assertThat(error.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(
                BrokenSite.reference().replace("k3s-cp-1: { node: pve1", "k3s-cp-1: { node: pve9").at("k3s-cp-1: { node: pve9", "pve9").line());
        assertThat(results.get(1).path("level").asText()).isEqualTo("warning");
        assertThat(results.get(1).path("ruleId").asText()).isEqualTo("sitec/AllowReplaceIsTemporary");
        assertThat(sarif.at("/runs/0/tool/driver/rules").findValuesAsText("id"))
                .containsExactly("sitec/AllowReplaceIsTemporary", "sitec/VmReferencesResolve");
    }

    @Test
    void sarifOfAValidSiteHasNoResults() throws Exception {
        CliTest.Run run = sitec("validate", "-f", "site.yaml", "--format", "sarif");
        assertThat(run.exit()).isZero();
        assertThat(new ObjectMapper().readTree(run.out()).at("/runs/0/results")).isEmpty();
    }

    @Test
    void jsonListsEachFindingWithItsPlaceAndRule() throws Exception {
        CliTest.Run run = sitec("validate", "-f", broken().toString(), "--format", "json");
        assertThat(run.exit()).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.path("errors").asInt()).isEqualTo(1);
        assertThat(json.path("warnings").asInt()).isEqualTo(1);
        JsonNode first = json.at("/diagnostics/0");
        assertThat(first.path("severity").asText()).isEqualTo("error");
        assertThat(first.path("message").asText()).isEqualTo("vm 'k3s-cp-1' refers to unknown node 'pve9'");
        assertThat(first.path("hint").asText()).isEqualTo("did you mean 'pve1'?");
        assertThat(first.path("rule").asText()).isEqualTo("VmReferencesResolve");
        assertThat(first.path("column").asInt()).isPositive();
    }

    @Test
    void schemaAndYamlFindingsNameTheirFinder() throws Exception {
        CliTest.Run run = sitec("validate", "-f", BrokenSite.reference().append("nope: 1\n").writeTo(dir).toString(),
                "--format", "json");
        assertThat(new ObjectMapper().readTree(run.out()).at("/diagnostics/0/rule").asText()).isEqualTo("schema");
        java.nio.file.Files.writeString(dir.resolve("bad.yaml"), "[1, 2");
        CliTest.Run yaml = sitec("validate", "-f", dir.resolve("bad.yaml").toString(), "--format", "json");
        assertThat(new ObjectMapper().readTree(yaml.out()).at("/diagnostics/0/rule").asText()).isEqualTo("yaml");
    }

    @Test
    void theReadmeShowsWhatSarifPrints() throws Exception {
        BrokenSite.reference().replace("k3s-cp-1: { node: pve1", "k3s-cp-1: { node: pve9").writeTo(dir);
        java.io.StringWriter out = new java.io.StringWriter();
        SitecCommand.run(new String[] {"validate", "--format", "sarif"}, new Invocation(dir, java.util.Map.of(),
                new java.io.PrintWriter(out, true), new java.io.PrintWriter(new java.io.StringWriter(), true)));
        String shown = "```\n$ sitec validate --format sarif\n" + out + "```\n";
        assertThat(java.nio.file.Files.readString(Path.of("README.md"))).contains(shown);
    }
}
