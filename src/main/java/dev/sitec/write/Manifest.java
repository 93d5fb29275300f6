package dev.sitec.write;

import dev.sitec.render.FileFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

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
        return readHashes(outputDir).keySet();
    }

    /**
     * Each owned file with the SHA-256 of the bytes sitec wrote ("" for a manifest written before
     * sitec recorded them): a file whose bytes differ from it was edited by hand.
     */
    public static Map<String, String> readHashes(Path outputDir) throws IOException {
        Path file = outputDir.resolve(FILE_NAME);
        Map<String, String> owned = new TreeMap<>();
        if (!Files.isRegularFile(file)) {
            return owned;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int tab = line.lastIndexOf('\t');
            String path = tab < 0 ? line : line.substring(0, tab);
            if (OutputPaths.isContained(path)) {
                owned.put(path, tab < 0 ? "" : line.substring(tab + 1));
            }
        }
        return owned;
    }

    /** The manifest of a rendered tree: every file and the hash of its bytes. */
    public static byte[] render(Map<String, byte[]> files) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(FileFormat.HEADER_TEXT).append('\n');
        out.append("# The files sitec owns in this folder, each with the SHA-256 of the bytes it wrote: it replaces\n");
        out.append("# them, and deletes them once they are no longer generated, but never over an edit made by hand.\n");
        new TreeMap<>(files).forEach((path, bytes) -> out.append(path).append('\t').append(sha256(bytes)).append('\n'));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
