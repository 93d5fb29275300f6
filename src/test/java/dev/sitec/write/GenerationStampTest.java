package dev.sitec.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitec.plan.FileMode;
import dev.sitec.render.RenderedFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The no-op fast path trusts the stamp only while nothing it describes has changed. */
class GenerationStampTest {

    @TempDir
    Path dir;

    private Path out;
    private GenerationStamp stamp;
    private final String key = GenerationStamp.key("site: v1".getBytes(StandardCharsets.UTF_8), "build-1");
    private final List<String> paths = List.of("a.tf", "b/c.yaml", ".sitec-manifest");

    @BeforeEach
    void generate() throws Exception {
        out = dir.resolve("generated");
        List<RenderedFile> files = new ArrayList<>();
        files.add(new RenderedFile("a.tf", "a\n".getBytes(StandardCharsets.UTF_8), FileMode.REGULAR));
        files.add(new RenderedFile("b/c.yaml", "c\n".getBytes(StandardCharsets.UTF_8), FileMode.REGULAR));
        files.add(new RenderedFile(".sitec-manifest", Manifest.render(java.util.Map.of("a.tf", files.get(0).content(),
                "b/c.yaml", files.get(1).content())), FileMode.REGULAR));
        new OutputWriter().write(out, files);
        stamp = new GenerationStamp(dir.resolve("cache"));
        stamp.record(out, key, paths, List.of("site.yaml:3:1: warning: pet 'x' is not backed up\n    hint: add one"));
    }

    @Test
    void anUntouchedTreeMatchesAndReplaysTheFindings() {
        assertThat(stamp.matching(out, key)).hasValueSatisfying(m -> {
            assertThat(m.files()).isEqualTo(3);
            assertThat(m.findings()).containsExactly("site.yaml:3:1: warning: pet 'x' is not backed up\n    hint: add one");
        });
    }

    @Test
    void anotherSiteOrBuildDoesNotMatch() {
        assertThat(stamp.matching(out, GenerationStamp.key("site: v2".getBytes(StandardCharsets.UTF_8), "build-1"))).isEmpty();
        assertThat(stamp.matching(out, GenerationStamp.key("site: v1".getBytes(StandardCharsets.UTF_8), "build-2"))).isEmpty();
    }

    @Test
    void anEditedFileDoesNotMatchEvenWithTheSameSize() throws Exception {
        Path file = out.resolve("a.tf");
        FileTime before = Files.getLastModifiedTime(file);
        Files.writeString(file, "b\n");
        Files.setLastModifiedTime(file, FileTime.fromMillis(before.toMillis() + 1000));
        assertThat(stamp.matching(out, key)).isEmpty();
    }

    @Test
    void aMissingFileDoesNotMatch() throws Exception {
        Files.delete(out.resolve("b/c.yaml"));
        assertThat(stamp.matching(out, key)).isEmpty();
    }

    @Test
    void anotherOutputFolderHasItsOwnStamp() {
        assertThat(stamp.matching(dir.resolve("elsewhere"), key)).isEmpty();
    }

    @Test
    void aTamperedStampCannotPointOutsideTheTree() throws Exception {
        Path cache = dir.resolve("cache");
        try (var files = Files.list(cache)) {
            Path file = files.findFirst().orElseThrow();
            Files.writeString(file, Files.readString(file).replace("\ta.tf", "\t../outside"));
        }
        assertThat(stamp.matching(out, key)).isEmpty();
    }
}
