package dev.sitec.write;

import dev.sitec.render.RenderedFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Writes a rendered tree into the output folder without ever leaving it half-written by a failed run.
 *
 * <p>Every new or changed file is first written into a temporary sibling folder; only when all of
 * them are there are they moved into place, each with an atomic rename, the manifest last. A failure
 * before that point leaves the previous tree byte for byte as it was; a run killed during the renames
 * leaves its intent record ({@link CommitJournal}), and the next run finishes that commit first. Unchanged files are not
 * rewritten (their mtime stays), and only files the manifest lists are ever replaced or deleted.
 */
public final class OutputWriter {

    public WriteReport write(Path outputDir, List<RenderedFile> files) throws IOException {
        return write(outputDir, files, false);
    }

    /**
     * Writes the tree; refuses (writing nothing) when a file it would replace or delete was edited by
     * hand since sitec wrote it, unless {@code force}.
     */
    public WriteReport write(Path outputDir, List<RenderedFile> files, boolean force) throws IOException {
        OutputPaths.check(files);
        Path out = outputDir.toAbsolutePath().normalize();
        // A first run: there is nothing to clash with, compare with or keep, so no file is looked at.
        boolean firstRun = !Files.exists(out, LinkOption.NOFOLLOW_LINKS);
        if (!firstRun) {
            CommitJournal.recover(out); // a killed run's commit is finished first
        }
        for (Path leftover : CommitJournal.leftoverStaging(out)) {
            deleteRecursively(leftover); // staged by a run killed before its commit: the tree never saw it
        }
        Map<String, String> ownedHashes = firstRun ? Map.of() : Manifest.readHashes(out);
        Set<String> owned = ownedHashes.keySet();
        List<Boolean> same = firstRun ? Collections.nCopies(files.size(), false) : compare(out, files, owned);
        List<RenderedFile> changed = new ArrayList<>();
        List<RenderedFile> unchanged = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            (same.get(i) ? unchanged : changed).add(files.get(i));
        }
        List<String> unchangedPaths = unchanged.stream().map(RenderedFile::path).toList();
        List<String> writtenPaths = changed.stream().map(RenderedFile::path).sorted().toList();
        Set<String> planned = new TreeSet<>();
        files.forEach(f -> planned.add(f.path()));
        List<String> stale = owned.stream().filter(p -> !planned.contains(p)).sorted().toList();
        if (!firstRun) {
            refuseLinksBelow(out, planned);
            refuseLinksBelow(out, stale);
            if (!force) {
                List<String> edited = editedByHand(out, ownedHashes,
                        java.util.stream.Stream.concat(changed.stream().map(RenderedFile::path), stale.stream()).toList());
                if (!edited.isEmpty()) {
                    throw new EditedByHandException(edited);
                }
            }
        }

        Path parent = out.getParent();
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, CommitJournal.stagingPrefix(out));
        boolean journaled = false;
        FileChannel lock = CommitJournal.lock(staging); // other runs leave a live run's staging alone
        try {
            Set<Path> madeDirs = new HashSet<>();
            for (RenderedFile file : changed) {
                Path staged = staging.resolve(file.path());
                createParent(staged, madeDirs);
                Files.write(staged, file.content());
                setMode(staged, file.mode().permissions());
            }
            if (firstRun) {
                // The whole tree is staged, so it goes into place with one rename (which fails, leaving
                // all as it was, if the folder has appeared since: then nothing here was checked).
                lock.close();
                Files.delete(staging.resolve(CommitJournal.LOCK_FILE));
                if (Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
                    throw new FileAlreadyExistsException(out.toString(), null,
                            "appeared while sitec was writing it; run again");
                }
                Files.move(staging, out, StandardCopyOption.ATOMIC_MOVE);
                return new WriteReport(writtenPaths, unchangedPaths, stale);
            }
            // Commit: every byte is on disk. The intent record goes first, so that a run killed during
            // the renames (the manifest last) and deletes is finished by the next one.
            changed.sort(Comparator.comparing((RenderedFile f) -> f.path().equals(Manifest.FILE_NAME)));
            CommitJournal.Commit commit = new CommitJournal.Commit(staging.getFileName().toString(),
                    changed.stream().map(RenderedFile::path).toList(), stale);
            CommitJournal.write(out, commit);
            journaled = true;
            CommitJournal.apply(out, commit);
            for (RenderedFile file : unchanged) {
                setMode(out.resolve(file.path()), file.mode().permissions()); // no rewrite, mtime kept
            }
        } finally {
            lock.close();
            if (!journaled || !CommitJournal.present(out)) {
                deleteRecursively(staging); // a commit that failed half-way keeps it for the next run
            }
        }
        return new WriteReport(writtenPaths, unchangedPaths, stale);
    }

    /**
     * No write, rename or delete follows a symbolic link below the output folder: a linked subfolder
     * (generated/ansible pointing elsewhere) would have sitec rewrite and delete files outside the
     * tree. Each folder on the way to a file is looked at once.
     */
    private static void refuseLinksBelow(Path out, Iterable<String> paths) throws IOException {
        Set<Path> checked = new HashSet<>();
        for (String path : paths) {
            Path dir = out.resolve(path).getParent();
            List<Path> ancestors = new ArrayList<>();
            for (Path d = dir; d != null && !d.equals(out) && d.startsWith(out) && !checked.contains(d); d = d.getParent()) {
                ancestors.add(d);
            }
            for (Path d : ancestors) {
                if (Files.isSymbolicLink(d)) {
                    throw new IOException(d + " is a symbolic link: sitec writes nothing through a link below "
                            + out + "; make it a plain folder (or move it away) and run again");
                }
                checked.add(d);
            }
        }
    }

    /** Refuses files in the way, then tells for each file whether the tree already has its bytes. */
    private static List<Boolean> compare(Path out, List<RenderedFile> files, Set<String> owned) throws IOException {
        for (RenderedFile file : files) {
            Path target = out.resolve(file.path());
            if (Files.isSymbolicLink(target) || Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException("cannot write " + target + ": a link or folder is in the way");
            }
            if (!owned.contains(file.path()) && !file.path().equals(Manifest.FILE_NAME) && Files.exists(target)) {
                throw new FileAlreadyExistsException(target.toString(), null,
                        "not written by sitec (not in " + Manifest.FILE_NAME + "); move it away and run again");
            }
        }
        // Comparing with what is on disk reads every file: in parallel, keeping the plan's order.
        try {
            return files.parallelStream().map(file -> sameBytesUnchecked(out.resolve(file.path()), file.content()))
                    .toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Of the owned files a run would replace or delete, those whose bytes differ from what sitec wrote. */
    private static List<String> editedByHand(Path out, Map<String, String> ownedHashes, List<String> touched)
            throws IOException {
        List<String> edited = new ArrayList<>();
        for (String path : touched) {
            String written = ownedHashes.get(path);
            if (written == null || written.isEmpty() || path.equals(Manifest.FILE_NAME)) {
                continue; // not owned, or written before sitec recorded hashes
            }
            Path target = out.resolve(path);
            if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)
                    && !written.equals(Manifest.sha256(Files.readAllBytes(target)))) {
                edited.add(path);
            }
        }
        edited.sort(null);
        return edited;
    }

    /** How the output folder differs from the rendered tree; empty when it is up to date. */
    public List<Drift> check(Path outputDir, List<RenderedFile> files) throws IOException {
        OutputPaths.check(files);
        Path out = outputDir.toAbsolutePath().normalize();
        List<Drift> drift = new ArrayList<>();
        Map<String, String> ownedHashes = Manifest.readHashes(out);
        if (CommitJournal.present(out)) {
            drift.add(new Drift(CommitJournal.FILE_NAME, Drift.Kind.INTERRUPTED));
        }
        for (Path leftover : CommitJournal.leftoverStaging(out)) {
            drift.add(new Drift("../" + leftover.getFileName(), Drift.Kind.LEFTOVER));
        }
        Set<String> planned = new TreeSet<>();
        for (RenderedFile file : files) {
            planned.add(file.path());
            Path target = out.resolve(file.path());
            if (!Files.isRegularFile(target)) {
                drift.add(new Drift(file.path(), Drift.Kind.MISSING));
            } else if (!sameBytes(target, file.content())) {
                String written = ownedHashes.getOrDefault(file.path(), "");
                boolean edited = !written.isEmpty() && !file.path().equals(Manifest.FILE_NAME)
                        && !written.equals(Manifest.sha256(Files.readAllBytes(target)));
                drift.add(new Drift(file.path(), edited ? Drift.Kind.EDITED : Drift.Kind.CHANGED));
            } else if (Files.isExecutable(target) != file.mode().executable()) {
                drift.add(new Drift(file.path(), Drift.Kind.MODE)); // git keeps only the executable bit
            }
        }
        for (String path : ownedHashes.keySet()) {
            if (!planned.contains(path) && Files.exists(out.resolve(path))) {
                drift.add(new Drift(path, Drift.Kind.STALE));
            }
        }
        drift.sort(Comparator.comparing(Drift::path));
        return drift;
    }

    /** Creates a file's folder once per run, not once per file. */
    private static void createParent(Path file, Set<Path> made) throws IOException {
        Path dir = file.getParent();
        if (made.add(dir)) {
            Files.createDirectories(dir);
        }
    }

    private static boolean sameBytesUnchecked(Path target, byte[] content) {
        try {
            return sameBytes(target, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean sameBytes(Path target, byte[] content) throws IOException {
        if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS) || Files.size(target) != content.length) {
            return false;
        }
        return Arrays.equals(Files.readAllBytes(target), content);
    }

    private static void setMode(Path path, Set<PosixFilePermission> permissions) throws IOException {
        try {
            if (!Files.getPosixFilePermissions(path).equals(permissions)) {
                Files.setPosixFilePermissions(path, permissions);
            }
        } catch (UnsupportedOperationException e) {
            // Not a POSIX filesystem: modes cannot be kept there.
        }
    }

    static void pruneEmptyParents(Path dir, Path stopAt) throws IOException {
        for (Path d = dir; d != null && d.startsWith(stopAt) && !d.equals(stopAt); d = d.getParent()) {
            try {
                Files.delete(d);
            } catch (DirectoryNotEmptyException e) {
                return;
            }
        }
    }

    static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
