package dev.sitec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The fast path takes only plain generate/check invocations; everything else is picocli's. */
class NoOpFastPathTest {

    private static NoOpFastPath.Request parse(String... args) {
        return NoOpFastPath.parse(args).orElse(null);
    }

    @Test
    void plainFormsWithTheirDefaults() {
        assertThat(parse("generate")).isEqualTo(new NoOpFastPath.Request("generate", "site.yaml", "generated"));
        assertThat(parse("check", "-f", "lab.yaml")).isEqualTo(new NoOpFastPath.Request("check", "lab.yaml", "generated"));
        assertThat(parse("generate", "--output", "out", "--file", "lab.yaml"))
                .isEqualTo(new NoOpFastPath.Request("generate", "lab.yaml", "out"));
    }

    @Test
    void anythingElseGoesToPicocli() {
        assertThat(parse()).isNull();
        assertThat(parse("validate")).isNull();
        assertThat(parse("generate", "-v")).isNull();
        assertThat(parse("generate", "--file=lab.yaml")).isNull();
        assertThat(parse("generate", "-f")).isNull();
        assertThat(parse("generate", "-f", "a.yaml", "-f", "b.yaml")).isNull();
        assertThat(parse("--help")).isNull();
    }

    @Test
    void withoutAStampNothingIsAnswered() {
        // Tests run from class folders: there is no jar identity, so no stamp is ever trusted.
        StringWriter out = new StringWriter();
        assertThat(NoOpFastPath.tryAnswer(new String[] {"check"},
                Invocation.ofThisProcess(new PrintWriter(out), new PrintWriter(out)))).isEmpty();
        assertThat(out.toString()).isEmpty();
    }
}
