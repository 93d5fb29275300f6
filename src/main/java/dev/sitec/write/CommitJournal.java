package dev.sitec.write;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import dev.sitec.diagnostic.Quote;
import java.util.regex.Pattern;

/**
 * The intent record of a commit: which staged files move into the output folder and which owned
 * files go, written into the folder before the first rename and removed after the last. A run killed
 * in between leaves it behind, and the next run finishes the commit from it (every staged file is on
 * disk before the record is written), so the tree is never left half old and half new for more than
 * one run. A staging folder without a record (a run killed before its commit) is just removed.
 *
 * <p>The record is input like the rest of the folder (a repository can bring one), so it is read in a
 * strict grammar, and each step carries the SHA-256 of the bytes it touches: a move, of the staged
 * file and of the file it replaces; a delete, of the file it deletes. Before anything is done, every
 * step is checked against the disk (plain files and folders only, bytes as recorded, a staging folder
 * beside the output that this user owns), and a record that fails any check is refused at its line
 * with nothing changed. A record can therefore only redo what sitec itself had begun.
 */
final class CommitJournal {

    static final String FILE_NAME = ".sitec-journal";
    static final String TMP_NAME = FILE_NAME + ".tmp";
    private static final String HEADER = "sitec-journal 2";
    /** A record of a 20,000-VM tree is about 20 MB: anything larger is not one sitec wrote. */
    private static final long MAX_BYTES = 64L * 1024 * 1024;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    /** The suffix Files.createTempDirectory gives a staging folder. */
    private static final Pattern STAGING_SUFFIX = Pattern.compile("[0-9]{1,20}");
    private static final String ABSENT = "-";
    private static final String REMOVE_HINT = "if no generate was interrupted here, the record is not sitec's: remove "
            + FILE_NAME + " and run again (files a real interrupted run replaced then show as edited by hand)";

    /** A staged file moved into place; {@code replacedHash} is empty when no file was there. */
    record Move(String path, String stagedHash, String replacedHash) {
    }

    /** An owned file no longer generated, deleted only while its bytes are those sitec wrote. */
    record Delete(String path, String hash) {
    }

    /** A commit: the staging folder (beside the output folder), files to move in order, files to delete. */
    record Commit(String staging, List<Move> moves, List<Delete> deletes) {
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

    /**
     * Writes the record atomically: it is either absent or complete. The temporary file is made anew
     * (never opened through a link a repository put there).
     */
    static void write(OutputFolder out, Commit commit) throws IOException {
        StringBuilder text = new StringBuilder(HEADER).append('\n').append("staging ").append(commit.staging()).append('\n');
        commit.moves().forEach(m -> text.append("move\t").append(m.path()).append('\t').append(m.stagedHash()).append('\t')
                .append(m.replacedHash().isEmpty() ? ABSENT : m.replacedHash()).append('\n'));
        commit.deletes().forEach(d -> text.append("delete\t").append(d.path()).append('\t').append(d.hash()).append('\n'));
        Path tmp = out.resolve(TMP_NAME);
        Files.deleteIfExists(tmp); // a link is removed, not followed
        try (OutputStream stream = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS)) {
            stream.write(text.toString().getBytes(StandardCharsets.UTF_8));
        }
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

    /**
     * Carries out a commit (again): moves what is still staged, deletes, then drops the record and the
     * staging. Its paths were checked ({@link #verify} for a recorded one, the writer for its own).
     */
    static void apply(OutputFolder out, Commit commit) throws IOException {
        Path staging = out.root().resolveSibling(commit.staging());
        for (Move move : commit.moves()) {
            Path from = staging.resolve(move.path());
            if (Files.exists(from, LinkOption.NOFOLLOW_LINKS)) {
                Path target = out.resolve(move.path());
                Files.createDirectories(target.getParent());
                Files.move(from, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                pauseForFaultInjection();
            }
        }
        for (Delete delete : commit.deletes()) {
            Path target = out.resolve(delete.path());
            if (Files.deleteIfExists(target)) {
                OutputWriter.pruneEmptyParents(target.getParent(), out.root());
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
     * The unfinished commit in the folder, read in the record's strict grammar; empty when there is
     * none. Refused when the record is not a plain file or any line is not one sitec writes.
     */
    static Optional<Commit> read(OutputFolder out) throws IOException {
        Optional<byte[]> bytes = out.readRecord(FILE_NAME, MAX_BYTES);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        List<String> lines = OutputFolder.lines(bytes.get(), FILE_NAME);
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            throw refused(1, "is not a commit record of this sitec (its first line is not '" + HEADER + "')");
        }
        if (lines.size() < 2 || !lines.get(1).startsWith("staging ") || !isStagingName(out.root(), lines.get(1).substring(8))) {
            throw refused(2, "does not name a staging folder of this output folder (expected 'staging "
                    + stagingPrefix(out.root()) + "<digits>')");
        }
        List<Move> moves = new ArrayList<>();
        List<Delete> deletes = new ArrayList<>();
        Set<String> named = new HashSet<>();
        for (int i = 2; i < lines.size(); i++) {
            String[] fields = lines.get(i).split("\t", -1);
            int line = i + 1;
            boolean move = fields[0].equals("move") && fields.length == 4 && SHA256.matcher(fields[2]).matches()
                    && (fields[3].equals(ABSENT) || SHA256.matcher(fields[3]).matches());
            boolean delete = fields[0].equals("delete") && fields.length == 3 && SHA256.matcher(fields[2]).matches();
            if (!move && !delete) {
                throw refused(line, "is not a step sitec writes (move PATH STAGED-SHA256 REPLACED-SHA256, or delete PATH SHA256,"
                        + " tab-separated)");
            }
            String path = fields[1];
            if (!OutputPaths.isContained(path)) {
                throw refused(line, "names a path outside the output folder: '" + Quote.of(path) + "'");
            }
            if (!OutputPaths.isSitecs(path)) {
                throw refused(line, "names '" + Quote.of(path) + "', which is not a file sitec writes (a hidden one, or"
                        + " what a tool leaves here)");
            }
            if (!named.add(path)) {
                throw refused(line, "names " + Quote.of(path) + " twice");
            }
            if (move && !deletes.isEmpty()) {
                throw refused(line, "moves a file after a delete: sitec writes every move first");
            }
            if (move) {
                moves.add(new Move(path, fields[2], fields[3].equals(ABSENT) ? "" : fields[3]));
            } else {
                deletes.add(new Delete(path, fields[2]));
            }
        }
        return Optional.of(new Commit(lines.get(1).substring("staging ".length()), moves, deletes));
    }

    /**
     * Checks a recorded commit against the disk before any of it is done: the staging folder is a
     * folder this user owns beside the output (not a link), every path on the way is a plain folder,
     * every staged file still to move has the recorded bytes, and every file a step replaces or
     * deletes has the bytes sitec recorded for it.
     */
    static void verify(OutputFolder out, Commit commit) throws IOException {
        Path staging = out.root().resolveSibling(commit.staging());
        boolean staged = Files.exists(staging, LinkOption.NOFOLLOW_LINKS);
        if (staged && (!Files.isDirectory(staging, LinkOption.NOFOLLOW_LINKS) || !CurrentUser.owns(staging))) {
            throw refused(2, "names " + commit.staging() + ", which is " + (Files.isSymbolicLink(staging) ? "a symbolic link"
                    : Files.isDirectory(staging, LinkOption.NOFOLLOW_LINKS) ? "a folder another user owns" : "not a folder")
                    + ", not a staging folder sitec made");
        }
        List<String> touched = new ArrayList<>();
        commit.moves().forEach(m -> touched.add(m.path()));
        commit.deletes().forEach(d -> touched.add(d.path()));
        out.requirePlainPaths(touched);
        OutputFolder stagingFolder = staged ? OutputFolder.of(staging) : null;
        int line = 3;
        for (Move move : commit.moves()) {
            Path from = staging.resolve(move.path());
            if (staged && Files.exists(from, LinkOption.NOFOLLOW_LINKS)) {
                stagingFolder.requirePlainPaths(List.of(move.path()));
                if (!move.stagedHash().equals(Manifest.sha256(from))) {
                    throw refused(line, "moves in " + move.path() + ", whose staged bytes are not the ones recorded");
                }
                Path target = out.resolve(move.path());
                if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && (move.replacedHash().isEmpty()
                        || !move.replacedHash().equals(Manifest.sha256(target)))) {
                    throw refused(line, "replaces " + move.path() + ", whose bytes are not the ones sitec recorded there");
                }
            }
            line++;
        }
        for (Delete delete : commit.deletes()) {
            Path target = out.resolve(delete.path());
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)
                    && !delete.hash().equals(Manifest.sha256(target))) {
                throw refused(line, "deletes " + delete.path() + ", whose bytes are not the ones sitec wrote");
            }
            line++;
        }
    }

    private static RefusedOutputException refused(int line, String message) {
        return new RefusedOutputException(FILE_NAME, line, "the commit record " + message + "; nothing was changed", REMOVE_HINT);
    }

    /**
     * The folder the owned record {@code name} (a file at the top of the tree) will be in once an
     * unfinished commit is finished (read-only: a run that may still refuse to write must not finish
     * it): the staging folder while its copy waits to move in, nothing when the commit deletes it,
     * else the output folder.
     */
    static Optional<OutputFolder> afterRecovery(OutputFolder out, String name) throws IOException {
        Optional<Commit> commit = read(out);
        if (commit.isEmpty()) {
            return Optional.of(out);
        }
        if (commit.get().deletes().stream().anyMatch(d -> d.path().equals(name))) {
            return Optional.empty();
        }
        Path staging = out.root().resolveSibling(commit.get().staging());
        boolean waiting = commit.get().moves().stream().anyMatch(m -> m.path().equals(name))
                && Files.isDirectory(staging, LinkOption.NOFOLLOW_LINKS) && CurrentUser.owns(staging)
                && Files.exists(staging.resolve(name), LinkOption.NOFOLLOW_LINKS);
        return Optional.of(waiting ? OutputFolder.of(staging) : out);
    }

    /**
     * The commit an interrupted run left, read and checked against the disk, ready to finish; empty
     * when there is none. Nothing is changed: a run can still refuse after this.
     */
    static Optional<Commit> pending(OutputFolder out) throws IOException {
        for (String name : List.of(FILE_NAME, TMP_NAME)) {
            Path record = out.resolve(name);
            if (Files.isDirectory(record, LinkOption.NOFOLLOW_LINKS) || name.equals(FILE_NAME) && Files.isSymbolicLink(record)) {
                throw new RefusedOutputException(name, 0, (Files.isSymbolicLink(record) ? "a symbolic link" : "a folder")
                        + " where sitec keeps its commit record; nothing was changed", "move it away and run again");
            }
        }
        Optional<Commit> commit = read(out);
        if (commit.isPresent()) {
            if (inUse(out.root().resolveSibling(commit.get().staging()))) {
                throw new IOException("another sitec run is writing " + out.root() + " right now; run again when it is done");
            }
            verify(out, commit.get());
        }
        return commit;
    }

    /** The lock file a live run holds in its staging folder: a killed run's lock is released by the OS. */
    static final String LOCK_FILE = ".sitec-lock";

    /** Locks a staging folder for this run; the lock is held until the channel is closed. */
    static FileChannel lock(Path staging) throws IOException {
        FileChannel channel = FileChannel.open(staging.resolve(LOCK_FILE), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS);
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
        if (!Files.isDirectory(staging, LinkOption.NOFOLLOW_LINKS) || !Files.isRegularFile(lock, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
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
        String prefix = stagingPrefix(out);
        return name.startsWith(prefix) && STAGING_SUFFIX.matcher(name.substring(prefix.length())).matches();
    }

    /**
     * Staging folders beside the output folder that no live run holds, left by killed runs: real
     * folders of this user with a staging folder's name and the lock file sitec makes in each (a link,
     * another user's folder, or a folder of that name a repository brings is left alone).
     */
    static List<Path> leftoverStaging(Path out) throws IOException {
        List<Path> leftovers = new ArrayList<>();
        Path parent = out.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return leftovers;
        }
        DirectoryStream.Filter<Path> staged = p -> isStagingName(out, p.getFileName().toString());
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(parent, staged)) {
            for (Path sibling : siblings) {
                if (Files.isDirectory(sibling, LinkOption.NOFOLLOW_LINKS) && CurrentUser.owns(sibling)
                        && Files.isRegularFile(sibling.resolve(LOCK_FILE), LinkOption.NOFOLLOW_LINKS) && !inUse(sibling)) {
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
