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
import java.util.Optional;
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
 *
 * <p>The folder is input too ({@link OutputFolder}): nothing below it is read, written, moved or
 * deleted through a link, and its records are read strictly.
 */
public final class OutputWriter {

    /** Refuses an output folder sitec will not write into (a link, a file, the root), before any work. */
    public static void checkFolder(Path outputDir) throws RefusedOutputException {
        OutputFolder.of(outputDir);
    }

    public WriteReport write(Path outputDir, List<RenderedFile> files) throws IOException {
        return write(outputDir, files, false);
    }

    /**
     * Writes the tree; refuses (writing nothing) when a file it would replace or delete was edited by
     * hand since sitec wrote it, unless {@code force}. A file no longer generated is deleted only while
     * its bytes are the ones sitec wrote; else it is left in place and no longer owned (forced or not,
     * sitec deletes nothing it cannot show it wrote).
     */
    public WriteReport write(Path outputDir, List<RenderedFile> files, boolean force) throws IOException {
        OutputPaths.check(files);
        OutputFolder folder = OutputFolder.of(outputDir);
        Path out = folder.root();
        // A first run: there is nothing to clash with, compare with or keep, so no file is looked at.
        boolean firstRun = !Files.exists(out, LinkOption.NOFOLLOW_LINKS);
        Set<String> planned = new TreeSet<>();
        files.forEach(f -> planned.add(f.path()));
        Map<String, String> ownedHashes = Map.of();
        List<String> stale = List.of();
        if (!firstRun) {
            // Everything the folder could be refused for is checked before a killed run's commit is
            // finished, so that a refusal changes nothing: the record, the manifest as the commit leaves
            // it, and every path this run touches.
            Optional<CommitJournal.Commit> pending = CommitJournal.pending(folder);
            Optional<OutputFolder> manifestFolder = CommitJournal.afterRecovery(folder, Manifest.FILE_NAME);
            ownedHashes = manifestFolder.isEmpty() ? Map.of() : Manifest.readHashes(manifestFolder.get());
            Set<String> owned = ownedHashes.keySet();
            stale = owned.stream().filter(p -> !planned.contains(p)).sorted().toList();
            List<String> touched = new ArrayList<>(planned);
            touched.addAll(stale);
            folder.requirePlainPaths(touched);
            if (pending.isPresent()) {
                CommitJournal.apply(folder, pending.get());
            }
        }
        for (Path leftover : CommitJournal.leftoverStaging(out)) {
            deleteRecursively(leftover); // staged by a run killed before its commit: the tree never saw it
        }
        List<OnDisk> onDisk = firstRun ? Collections.nCopies(files.size(), OnDisk.ABSENT)
                : compare(out, files, ownedHashes.keySet());
        List<RenderedFile> changed = new ArrayList<>();
        List<RenderedFile> unchanged = new ArrayList<>();
        List<String> edited = new ArrayList<>();
        Map<String, String> replaced = new java.util.HashMap<>();
        for (int i = 0; i < files.size(); i++) {
            RenderedFile file = files.get(i);
            OnDisk existing = onDisk.get(i);
            if (existing.same()) {
                unchanged.add(file);
                continue;
            }
            changed.add(file);
            replaced.put(file.path(), existing.hash());
            String written = ownedHashes.getOrDefault(file.path(), "");
            if (!written.isEmpty() && !existing.hash().isEmpty() && !written.equals(existing.hash())
                    && !file.path().equals(Manifest.FILE_NAME)) {
                edited.add(file.path());
            }
        }
        List<CommitJournal.Delete> deletes = new ArrayList<>();
        List<String> disowned = new ArrayList<>();
        for (String path : stale) {
            Path target = out.resolve(path);
            if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            String written = ownedHashes.get(path);
            if (!written.isEmpty() && written.equals(Manifest.sha256(target))) {
                deletes.add(new CommitJournal.Delete(path, written));
            } else {
                disowned.add(path);
                if (!written.isEmpty()) {
                    edited.add(path);
                }
            }
        }
        if (!force && !edited.isEmpty()) {
            edited.sort(null);
            throw new EditedByHandException(edited);
        }
        List<String> unchangedPaths = unchanged.stream().map(RenderedFile::path).toList();
        List<String> writtenPaths = changed.stream().map(RenderedFile::path).sorted().toList();
        List<String> deletedPaths = deletes.stream().map(CommitJournal.Delete::path).toList();

        if (!firstRun) {
            Files.deleteIfExists(out.resolve(CommitJournal.TMP_NAME)); // left by a killed run; a link is removed, not followed
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
                            "in the way: another run made it while sitec was writing; run again");
                }
                Files.move(staging, out, StandardCopyOption.ATOMIC_MOVE);
                return new WriteReport(writtenPaths, unchangedPaths, deletedPaths, List.of());
            }
            // Commit: every byte is on disk. The intent record goes first, so that a run killed during
            // the renames (the manifest last) and deletes is finished by the next one.
            changed.sort(Comparator.comparing((RenderedFile f) -> f.path().equals(Manifest.FILE_NAME)));
            List<CommitJournal.Move> moves = changed.stream().map(f -> new CommitJournal.Move(f.path(),
                    Manifest.sha256(f.content()), replaced.get(f.path()))).toList();
            CommitJournal.Commit commit = new CommitJournal.Commit(staging.getFileName().toString(), moves, deletes);
            CommitJournal.write(folder, commit);
            journaled = true;
            CommitJournal.apply(folder, commit);
            for (RenderedFile file : unchanged) {
                setMode(out.resolve(file.path()), file.mode().permissions()); // no rewrite, mtime kept
            }
        } finally {
            lock.close();
            if (!journaled || !CommitJournal.present(out)) {
                deleteRecursively(staging); // a commit that failed half-way keeps it for the next run
            }
        }
        return new WriteReport(writtenPaths, unchangedPaths, deletedPaths, disowned);
    }

    /** A planned file as the folder has it: the same bytes, or the hash of the bytes there ("" for none). */
    private record OnDisk(boolean same, String hash) {
        static final OnDisk ABSENT = new OnDisk(false, "");
    }

    /**
     * Refuses files in the way that sitec does not own, then tells for each file whether the tree
     * already has its bytes, or else the hash of what is there (the commit record proves with it
     * which bytes a move replaces).
     */
    private static List<OnDisk> compare(Path out, List<RenderedFile> files, Set<String> owned) throws IOException {
        for (RenderedFile file : files) {
            Path target = out.resolve(file.path());
            if (!owned.contains(file.path()) && !file.path().equals(Manifest.FILE_NAME)
                    && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new FileAlreadyExistsException(target.toString(), null,
                        "not written by sitec (not in " + Manifest.FILE_NAME + "); move it away and run again");
            }
        }
        // Comparing with what is on disk reads every file: in parallel, keeping the plan's order.
        try {
            return files.parallelStream().map(file -> onDisk(out.resolve(file.path()), file.content())).toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static OnDisk onDisk(Path target, byte[] content) {
        try {
            if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
                return OnDisk.ABSENT;
            }
            byte[] bytes = Files.readAllBytes(target);
            // A file with a second name (a hard link) is rewritten, by rename, not kept: changing its
            // mode in place would change the other name's file too, which may be outside the folder.
            boolean same = Arrays.equals(bytes, content) && linkCount(target) == 1;
            return same ? new OnDisk(true, "") : new OnDisk(false, Manifest.sha256(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int linkCount(Path file) throws IOException {
        try {
            return ((Number) Files.getAttribute(file, "unix:nlink", LinkOption.NOFOLLOW_LINKS)).intValue();
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return 1; // no POSIX links here
        }
    }

    /** How the output folder differs from the rendered tree; empty when it is up to date. */
    public List<Drift> check(Path outputDir, List<RenderedFile> files) throws IOException {
        OutputPaths.check(files);
        OutputFolder folder = OutputFolder.of(outputDir);
        Path out = folder.root();
        List<Drift> drift = new ArrayList<>();
        Map<String, String> ownedHashes = Manifest.readHashes(folder);
        if (CommitJournal.present(out)) {
            drift.add(new Drift(CommitJournal.FILE_NAME, Drift.Kind.INTERRUPTED));
        }
        for (Path leftover : CommitJournal.leftoverStaging(out)) {
            drift.add(new Drift("../" + leftover.getFileName(), Drift.Kind.LEFTOVER));
        }
        Set<String> planned = new TreeSet<>();
        files.forEach(f -> planned.add(f.path()));
        List<String> looked = new ArrayList<>(planned);
        ownedHashes.keySet().stream().filter(p -> !planned.contains(p)).forEach(looked::add);
        folder.requirePlainPaths(looked); // check reads nothing through a link either
        for (RenderedFile file : files) {
            Path target = out.resolve(file.path());
            if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
                drift.add(new Drift(file.path(), Drift.Kind.MISSING));
            } else if (!sameBytes(target, file.content())) {
                String written = ownedHashes.getOrDefault(file.path(), "");
                boolean edited = !written.isEmpty() && !file.path().equals(Manifest.FILE_NAME)
                        && !written.equals(Manifest.sha256(target));
                drift.add(new Drift(file.path(), edited ? Drift.Kind.EDITED : Drift.Kind.CHANGED));
            } else if (Files.isExecutable(target) != file.mode().executable()) {
                drift.add(new Drift(file.path(), Drift.Kind.MODE)); // git keeps only the executable bit
            }
        }
        for (String path : ownedHashes.keySet()) {
            if (!planned.contains(path) && Files.exists(out.resolve(path), LinkOption.NOFOLLOW_LINKS)) {
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
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
