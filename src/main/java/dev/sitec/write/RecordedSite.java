package dev.sitec.write;

import dev.sitec.plan.FileMode;
import dev.sitec.render.RenderedFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The site a generated tree was made from, kept beside it byte for byte. The next {@code plan} and
 * {@code generate} compare an edited site with it to say what the edit does to the running lab. It
 * is an owned file like any other: written in the same commit as the tree, so it always matches.
 */
public final class RecordedSite {

    public static final String FILE_NAME = ".sitec-site.yaml";

    private RecordedSite() {
    }

    public static RenderedFile file(String siteText) {
        return new RenderedFile(FILE_NAME, siteText.getBytes(StandardCharsets.UTF_8), FileMode.REGULAR);
    }

    /**
     * The recorded text, if this folder holds a tree sitec wrote with one; for a tree a killed run
     * left mid-commit, the one that the next run's recovery completes.
     */
    public static Optional<String> read(Path outputDir) throws IOException {
        Path out = outputDir.toAbsolutePath().normalize();
        if (!Files.isDirectory(out)) {
            return Optional.empty();
        }
        Optional<Path> file = CommitJournal.afterRecovery(out, FILE_NAME);
        if (file.isEmpty() || !Files.isRegularFile(file.get())) {
            return Optional.empty();
        }
        return Optional.of(Files.readString(file.get(), StandardCharsets.UTF_8));
    }
}
