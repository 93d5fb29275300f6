package dev.sitec.write;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The intent record of a commit: which staged files move into the output folder and which owned
 * files go, written into the folder before the first rename and removed after the last. A run killed
 * in between leaves it behind, and the next run finishes the commit from it (every staged file is on
 * disk before the record is written), so the tree is never left half old and half new for more than
 * one run. A staging folder without a record (a run killed before its commit) is just removed.
 */
final class CommitJournal {

    static final String FILE_NAME = ".sitec-journal";
    private static final String HEADER = "sitec-journal 1";

    /** A commit: the staging folder (beside the output folder), files to move in order, files to delete. */
    record Commit(String staging, List<String> moves, List<String> deletes) {
        Commit {
            moves = List.copyOf(moves);
            deletes = List.copyOf(deletes);
        }
    }

    private CommitJournal() {
    }

    static boolean present(Path out) {
        return Files.exists(out.resolve(FILE_NAME), LinkOption.NOFOLLOW_LINKS);
    }

    /** Writes the record atomically: it is either absent or complete. */
    static void write(Path out, Commit commit) throws IOException {
        StringBuilder text = new StringBuilder(HEADER).append('\n').append("staging ").append(commit.staging()).append('\n');
        commit.moves().forEach(p -> text.append("move ").append(p).append('\n'));
        commit.deletes().forEach(p -> text.append("delete ").append(p).append('\n'));
        Path tmp = out.resolve(FILE_NAME + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, out.resolve(FILE_NAME), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Fault injection for the crash-consistency test: milliseconds to pause after each rename, so a
     * `kill -9` lands inside the commit (SITEC_FAULT_COMMIT_PAUSE_MS; unset in normal use).
     */
    private static final long FAULT_PAUSE_MILLIS = parseLong(System.getenv("SITEC_FAULT_COMMIT_PAUSE_MS"));

    private static long parseLong(String text) {
        try {
            return text == null ? 0 : Long.parseLong(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Carries out a commit (again): moves what is still staged, deletes, then drops the record and the staging. */
    static void apply(Path out, Commit commit) throws IOException {
        Path staging = out.resolveSibling(commit.staging());
        for (String path : commit.moves()) {
            Path from = staging.resolve(path);
            if (Files.exists(from, LinkOption.NOFOLLOW_LINKS)) {
                Path target = out.resolve(path);
                Files.createDirectories(target.getParent());
                Files.move(from, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                pauseForFaultInjection();
            }
        }
        for (String path : commit.deletes()) {
            Path target = out.resolve(path);
            if (Files.deleteIfExists(target)) {
                OutputWriter.pruneEmptyParents(target.getParent(), out);
            }
        }
        Files.deleteIfExists(out.resolve(FILE_NAME));
        OutputWriter.deleteRecursively(staging);
    }

    private static void pauseForFaultInjection() {
        if (FAULT_PAUSE_MILLIS > 0) {
            try {
                Thread.sleep(FAULT_PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Where the owned file {@code path} will be once an unfinished commit is finished (read-only: a
     * run that may still refuse to write must not finish it): its staged copy while it waits to move
     * in, nothing when the commit deletes it, else the file in the folder.
     */
    static java.util.Optional<Path> afterRecovery(Path out, String path) throws IOException {
        Path file = out.resolve(FILE_NAME);
        Path current = out.resolve(path);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return java.util.Optional.of(current);
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.size() < 2 || !lines.get(1).startsWith("staging ") || !isStagingName(out, lines.get(1).substring(8))) {
            throw new IOException(file + " is not a commit record sitec can read; move it away and run again");
        }
        if (lines.contains("delete " + path)) {
            return java.util.Optional.empty();
        }
        Path staged = out.resolveSibling(lines.get(1).substring("staging ".length())).resolve(path);
        boolean waiting = lines.contains("move " + path) && Files.isRegularFile(staged, LinkOption.NOFOLLOW_LINKS);
        return java.util.Optional.of(waiting ? staged : current);
    }

    /** Finishes a commit an interrupted run left, if any; true when there was one. */
    static boolean recover(Path out) throws IOException {
        Path file = out.resolve(FILE_NAME);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            Files.deleteIfExists(out.resolve(FILE_NAME + ".tmp"));
            return false;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals(HEADER) || lines.size() < 2 || !lines.get(1).startsWith("staging ")) {
            throw new IOException(file + " is not a commit record sitec can read; move it away and run again");
        }
        String staging = lines.get(1).substring("staging ".length());
        if (!isStagingName(out, staging)) {
            throw new IOException(file + " names " + staging + ", which is not a staging folder of " + out);
        }
        if (inUse(out.resolveSibling(staging))) {
            throw new IOException("another sitec run is writing " + out + " right now; run again when it is done");
        }
        List<String> moves = new ArrayList<>();
        List<String> deletes = new ArrayList<>();
        for (String line : lines.subList(2, lines.size())) {
            String path = line.substring(line.indexOf(' ') + 1);
            if (!OutputPaths.isContained(path)) {
                throw new IOException(file + " names a path outside " + out + ": " + path);
            }
            (line.startsWith("move ") ? moves : deletes).add(path);
        }
        apply(out, new Commit(staging, moves, deletes));
        return true;
    }

    /** The lock file a live run holds in its staging folder: a killed run's lock is released by the OS. */
    static final String LOCK_FILE = ".sitec-lock";

    /** Locks a staging folder for this run; the lock is held until the channel is closed. */
    static FileChannel lock(Path staging) throws IOException {
        FileChannel channel = FileChannel.open(staging.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            if (channel.tryLock() == null) {
                throw new IOException("cannot lock " + staging);
            }
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        return channel;
    }

    /** Whether a live run (this process or another) holds a staging folder's lock. */
    static boolean inUse(Path staging) throws IOException {
        Path lock = staging.resolve(LOCK_FILE);
        if (!Files.isRegularFile(lock, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE)) {
            FileLock held = channel.tryLock();
            if (held == null) {
                return true;
            }
            held.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    /** The prefix of the staging folders of an output folder, beside it: .NAME.sitec- */
    static String stagingPrefix(Path out) {
        return "." + out.getFileName() + ".sitec-";
    }

    private static boolean isStagingName(Path out, String name) {
        return name.startsWith(stagingPrefix(out)) && name.indexOf('/') < 0 && name.indexOf('\\') < 0
                && !name.equals("..") && !name.equals(".");
    }

    /** Staging folders beside the output folder that no live run holds: left by killed runs. */
    static List<Path> leftoverStaging(Path out) throws IOException {
        List<Path> leftovers = new ArrayList<>();
        Path parent = out.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return leftovers;
        }
        String prefix = stagingPrefix(out);
        DirectoryStream.Filter<Path> staged = p -> p.getFileName().toString().startsWith(prefix);
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(parent, staged)) {
            for (Path sibling : siblings) {
                if (Files.isDirectory(sibling, LinkOption.NOFOLLOW_LINKS) && !inUse(sibling)) {
                    leftovers.add(sibling);
                }
            }
        } catch (NoSuchFileException e) {
            return leftovers;
        }
        leftovers.sort(null);
        return leftovers;
    }
}
