package dev.sitec.approval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitec.Compilation;
import dev.sitec.SiteCompiler;
import dev.sitec.render.FileFormat;
import dev.sitec.render.RenderedFile;
import dev.sitec.write.RecordedSite;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Every generated file whose format has comments says, on its first line (or its second, after a
 * line its format requires first: a shebang, #cloud-config), that it is generated. The one
 * exception is the recorded site: the user's own file, byte for byte.
 */
class GeneratedHeaderTest {

    @Test
    void everyFileThatCanCarryTheHeaderDoes() {
        Compilation result = new SiteCompiler().compile(Path.of("site.yaml"), "site.yaml");
        assertThat(result.files()).hasSizeGreaterThan(100);
        for (RenderedFile file : result.files()) {
            if (file.path().equals(RecordedSite.FILE_NAME)) {
                assertThat(file.content()).isEqualTo(readSite());
                continue;
            }
            String[] lines = file.text().split("\n", 3);
            boolean firstLineFixed = lines[0].startsWith("#!") || lines[0].equals("#cloud-config");
            String header = firstLineFixed ? lines[1] : lines[0];
            assertThat(header).as(file.path()).contains(FileFormat.HEADER_TEXT);
        }
    }

    private static byte[] readSite() {
        try {
            return java.nio.file.Files.readAllBytes(Path.of("site.yaml"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
