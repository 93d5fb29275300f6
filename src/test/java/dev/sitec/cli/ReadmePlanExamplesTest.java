package dev.sitec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitec.BrokenSite;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The README's three `sitec plan` examples are what sitec prints for those edits of the reference
 * site, exactly: each is run here, and the README must hold its output under the edit's name.
 */
class ReadmePlanExamplesTest {

    @TempDir
    Path dir;

    static java.util.stream.Stream<Arguments> examples() {
        return java.util.stream.Stream.of(
                Arguments.of("k3s-w-1 moves to pve2; pdm gets 4 cores",
                        (UnaryOperator<BrokenSite>) s -> s.replace("k3s-w-1:  { node: pve1,", "k3s-w-1:  { node: pve2,")
                                .replace("    cores: 2\n    memory_mib: 4096", "    cores: 4\n    memory_mib: 4096")),
                Arguments.of("the pet pdm moves to pve2",
                        (UnaryOperator<BrokenSite>) s -> s.replace("    node: pve3\n    lifecycle: pet", "    node: pve2\n    lifecycle: pet")),
                Arguments.of("K3s one minor version up; two of three servers removed",
                        (UnaryOperator<BrokenSite>) s -> s.replace("version: v1.36.3+k3s1", "version: v1.37.1+k3s1")
                                .replace("servers: [k3s-cp-1, k3s-cp-2, k3s-cp-3]", "servers: [k3s-cp-1]")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void theReadmeShowsWhatPlanPrints(String edit, UnaryOperator<BrokenSite> change) throws Exception {
        BrokenSite.reference().writeTo(dir);
        assertThat(run("generate").exit()).isZero();
        Files.writeString(dir.resolve("site.yaml"), change.apply(BrokenSite.reference()).text());
        CliTest.Run plan = run("plan");
        String shown = "$ sitec plan        # " + edit + "\n" + plan.out() + plan.err();
        String readme = Files.readString(Path.of("README.md"));
        assertThat(readme).as("README.md shows, in a ``` block:\n%s", shown).contains("```\n" + shown + "```\n");
    }

    private CliTest.Run run(String command) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Invocation here = new Invocation(dir, Map.of("SITEC_NO_STAMP", "1"), new PrintWriter(out, true),
                new PrintWriter(err, true));
        int exit = SitecCommand.run(new String[] {command}, here);
        return new CliTest.Run(exit, out.toString(), err.toString());
    }
}
