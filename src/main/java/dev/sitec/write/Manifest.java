package dev.sitec.write;

import dev.sitec.render.FileFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * The list of files sitec owns in the output folder. sitec deletes an owned file when it is no
 * longer generated, and never touches a file that is not listed (a .terraform folder, state files,
 * a user's notes).
 */
public final class Manifest {

    public static final String FILE_NAME = ".sitec-manifest";

    private Manifest() {
    }

    public static Set<String> read(Path outputDir) throws IOException {
        Path file = outputDir.resolve(FILE_NAME);
        Set<String> owned = new TreeSet<>();
        if (!Files.isRegularFile(file)) {
            return owned;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#") && OutputPaths.isContained(line)) {
                owned.add(line);
            }
        }
        return owned;
    }

    public static byte[] render(Collection<String> paths) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(FileFormat.HEADER_TEXT).append('\n');
        out.append("# The files sitec owns in this folder: it replaces them, and deletes them once they are no longer generated.\n");
        new TreeSet<>(paths).forEach(p -> out.append(p).append('\n'));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
