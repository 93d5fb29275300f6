package dev.sitec.write;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Remembers, outside the generated tree, what the last successful generate or check saw: the site
 * file's bytes and sitec's own build (a hash of each), and the size and modification time of every
 * file of the output. When all of it is the same, the tree is what the site gives without compiling
 * it again, which is what a pre-commit hook asks almost every time. Anything different (an edited
 * or missing file, another site, another sitec) means the full pipeline runs.
 *
 * <p>The stamp lives in the user's cache ($XDG_CACHE_HOME/sitec or ~/.cache/sitec), never in the
 * tree: it depends on the machine. It is an optimisation only: failing to read or write it is ignored.
 */
public final class GenerationStamp {

    private final Path cacheDir;

    /** A matching stamp: the findings to print again, and how many files the tree has. */
    public record Match(List<String> findings, int files) {
    }

    public GenerationStamp(Path cacheDir) {
        this.cacheDir = cacheDir;
    }

    /** The stamp folder of this user: $XDG_CACHE_HOME/sitec/stamps, else ~/.cache/sitec/stamps. */
    public static Optional<GenerationStamp> forUser(Optional<String> xdgCacheHome) {
        String xdg = xdgCacheHome.orElse(null);
        String home = System.getProperty("user.home");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home == null ? null : Path.of(home, ".cache");
        return base == null ? Optional.empty() : Optional.of(new GenerationStamp(base.resolve("sitec").resolve("stamps")));
    }

    /** What the outputs depend on: the site file's bytes and sitec's build. */
    public static String key(byte[] site, String build) {
        MessageDigest digest = sha256();
        digest.update(site);
        digest.update((byte) 0);
        digest.update(build.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * The findings to print again when the stamp matches: the tree is as the last run left it, for the
     * same site and sitec. Empty when anything differs.
     */
    public Optional<Match> matching(Path outputDir, String key) {
        try {
            Path file = stampFile(outputDir);
            if (!Files.isRegularFile(file) || CommitJournal.present(outputDir.toAbsolutePath().normalize())) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).equals("key " + key)) {
                return Optional.empty();
            }
            List<String> findings = new ArrayList<>();
            Path out = outputDir.toAbsolutePath().normalize();
            int files = 0;
            for (String line : lines.subList(1, lines.size())) {
                if (line.startsWith("finding ")) {
                    findings.add(line.substring("finding ".length()).replace("\\n", "\n"));
                    continue;
                }
                String[] entry = line.split("\t");
                if (entry.length != 3 || !OutputPaths.isContained(entry[2]) || !entry[0].equals(attributes(out.resolve(entry[2])))) {
                    return Optional.empty();
                }
                files++;
            }
            return Optional.of(new Match(findings, files));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Records the tree as it is now, after a successful generate or a clean check. */
    public void record(Path outputDir, String key, Collection<String> paths, List<String> findings) {
        try {
            Path out = outputDir.toAbsolutePath().normalize();
            StringBuilder text = new StringBuilder("key ").append(key).append('\n');
            for (String finding : findings) {
                text.append("finding ").append(finding.replace("\n", "\\n")).append('\n');
            }
            for (String path : paths) {
                String attributes = attributes(out.resolve(path));
                if (attributes == null) {
                    return; // a file is missing: nothing to remember
                }
                text.append(attributes).append("\t-\t").append(path).append('\n');
            }
            Path file = stampFile(outputDir);
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "stamp", ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            // The stamp only saves time; without it the next run compiles the site.
        }
    }

    /** Size, modification time and file key: what changes when anything rewrites a file. */
    private static String attributes(Path file) throws IOException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        // Nanoseconds, not an Instant: formatting one costs a cold JVM more than reading the file.
        return a.size() + ":" + a.lastModifiedTime().to(TimeUnit.NANOSECONDS) + ":" + a.fileKey() + ":"
                + Files.isExecutable(file);
    }

    private Path stampFile(Path outputDir) {
        String where = outputDir.toAbsolutePath().normalize().toString();
        return cacheDir.resolve(HexFormat.of().formatHex(sha256().digest(where.getBytes(StandardCharsets.UTF_8))));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
