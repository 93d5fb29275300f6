package dev.sitec.approval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitec.Compilation;
import dev.sitec.SiteCompiler;
import dev.sitec.render.RenderedFile;
import dev.sitec.write.OutputWriter;
import java.nio.file.Path;
import java.util.Comparator;
import org.approvaltests.Approvals;
import org.approvaltests.core.Options;
import org.junit.jupiter.api.Test;

/**
 * The whole tree generated from site.yaml, approved as one text (each file under a header, sorted),
 * so any change to any file is one reviewable diff; and the committed generated/ is that tree.
 */
class GeneratedTreeTest {

    private static Compilation compileReference() {
        Compilation result = new SiteCompiler().compile(Path.of("site.yaml"), "site.yaml");
        assertThat(result.diagnostics()).isEmpty();
        return result;
    }

    static String asText(Compilation compilation) {
        StringBuilder out = new StringBuilder();
        compilation.files().stream().sorted(Comparator.comparing(RenderedFile::path)).forEach(file -> {
            out.append("===== ").append(file.path()).append(" (").append(file.mode().name().toLowerCase())
                    .append(") =====\n").append(file.text());
        });
        return out.toString();
    }

    @Test
    void generatedTreeIsApproved() {
        Approvals.verify(asText(compileReference()), new Options().forFile().withExtension(".txt"));
    }

    @Test
    void committedGeneratedFolderIsUpToDate() throws Exception {
        assertThat(new OutputWriter().check(Path.of("generated"), compileReference().files()))
                .as("generated/ is stale: run bin/sitec generate").isEmpty();
    }

    @Test
    void generationIsDeterministic() {
        assertThat(asText(compileReference())).isEqualTo(asText(compileReference()));
    }
}
