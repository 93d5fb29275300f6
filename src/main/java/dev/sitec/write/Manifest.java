package dev.sitec.write;

import dev.sitec.diagnostic.Quote;
import dev.sitec.render.FileFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The list of files sitec owns in the output folder. sitec deletes an owned file when it is no
 * longer generated, and never touches a file that is not listed (a .terraform folder, state files,
 * a user's notes).
 */
public final class Manifest {

    public static final String FILE_NAME = ".sitec-manifest";

    private Manifest() {
    }

    /** A manifest of a 20,000-VM tree is about 10 MB: anything larger is not one sitec wrote. */
    private static final long MAX_BYTES = 64L * 1024 * 1024;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public static Set<String> read(Path outputDir) throws IOException {
        return readHashes(OutputFolder.of(outputDir)).keySet();
    }

    /**
     * Each owned file with the SHA-256 of the bytes sitec wrote ("" for a line written before sitec
     * recorded them): a file whose bytes differ from it was edited by hand, and a file without one
     * is never deleted, as nothing shows sitec wrote it. The manifest is input (a repository can bring
     * one), so any line that is not a path below the folder, with or without a hash, is refused there.
     */
    static Map<String, String> readHashes(OutputFolder out) throws IOException {
        Map<String, String> owned = new TreeMap<>();
        Optional<byte[]> bytes = out.readRecord(FILE_NAME, MAX_BYTES);
        if (bytes.isEmpty()) {
            return owned;
        }
        List<String> lines = OutputFolder.lines(bytes.get(), FILE_NAME);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int tab = line.lastIndexOf('\t');
            String path = tab < 0 ? line : line.substring(0, tab);
            String hash = tab < 0 ? "" : line.substring(tab + 1);
            if (!OutputPaths.isSitecs(path) || !hash.isEmpty() && !SHA256.matcher(hash).matches()) {
                throw new RefusedOutputException(FILE_NAME, i + 1, "the manifest's line is not a file sitec writes below the"
                        + " output folder and the SHA-256 of its bytes: '" + Quote.of(line) + "'; nothing was changed",
                        "sitec did not write this line: remove it and run again");
            }
            owned.put(path, hash);
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

    /** The SHA-256 of a plain file's bytes, read as a stream (a stale file can be large). */
    static String sha256(Path file) throws IOException {
        try (java.io.InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
