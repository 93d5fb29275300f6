package dev.sitec.write;

import dev.sitec.load.LoadLimits;
import dev.sitec.plan.FileMode;
import dev.sitec.render.RenderedFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
     * left mid-commit, the one that the next run's recovery completes. It is read as any record of
     * the folder is: never through a link, at most the size of a site file, strict UTF-8.
     */
    public static Optional<String> read(Path outputDir) throws IOException {
        OutputFolder out = OutputFolder.of(outputDir);
        if (!out.exists()) {
            return Optional.empty();
        }
        Optional<OutputFolder> folder = CommitJournal.afterRecovery(out, FILE_NAME);
        if (folder.isEmpty()) {
            return Optional.empty();
        }
        Optional<byte[]> bytes = folder.get().readRecord(FILE_NAME, LoadLimits.DEFAULT.maxBytes());
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(OutputFolder.text(bytes.get(), FILE_NAME));
    }
}
