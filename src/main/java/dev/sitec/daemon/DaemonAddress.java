package dev.sitec.daemon;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * Where the daemon of one sitec build listens: a socket in a folder only its user can enter
 * ($XDG_RUNTIME_DIR/sitec, else ~/.cache/sitec/daemon), named after the build and the JDK, so that a
 * rebuilt jar or another JDK gets a daemon of its own and never the output of another build. The
 * folder and its files are used only while they are that user's alone ({@link #distrust()}).
 */
public record DaemonAddress(Path socket) {

    /** AF_UNIX paths are limited to 108 bytes with the terminator; keep clear of it. */
    private static final int MAX_SOCKET_PATH = 100;
    private static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWN_FILE = PosixFilePermissions.fromString("rw-------");
    private static final String SOCKET = ".sock";
    private static final String LOCK = ".lock";
    private static final String LOG = ".log";

    public static Optional<DaemonAddress> of(String build, Optional<String> runtimeDir, String javaHome,
                                             String javaVersion) {
        Path folder = runtimeDir.filter(d -> !d.isBlank()).map(d -> Path.of(d, "sitec"))
                .orElseGet(() -> Path.of(System.getProperty("user.home"), ".cache", "sitec", "daemon"));
        String identity = Protocol.VERSION + "\n" + build + "\n" + javaHome + "\n" + javaVersion;
        Path socket = folder.resolve("sitec-" + fingerprint(identity) + SOCKET).toAbsolutePath();
        if (socket.toString().getBytes(StandardCharsets.UTF_8).length > MAX_SOCKET_PATH) {
            return Optional.empty();
        }
        return Optional.of(new DaemonAddress(socket));
    }

    public Path folder() {
        return socket.getParent();
    }

    /** Held by the running daemon, so that two starting at once leave one. */
    public Path lockFile() {
        return socket.resolveSibling(base(socket, SOCKET) + LOCK);
    }

    /** What the daemon prints (start-up failures, mostly): it has no terminal. */
    public Path logFile() {
        return socket.resolveSibling(base(socket, SOCKET) + LOG);
    }

    /**
     * Makes the folder, private to its user, unless a folder above it is someone else's (making it
     * there would be making it for them); empty when the daemon can be used here, else why not.
     */
    public Optional<String> preparePrivateFolder() {
        Optional<String> above = Ownership.ancestorProblem(folder().getParent());
        if (above.isPresent()) {
            return above;
        }
        try {
            Files.createDirectories(folder(), PosixFilePermissions.asFileAttribute(PRIVATE));
        } catch (IOException | UnsupportedOperationException e) {
            return Ownership.folderProblem(folder()).or(() -> Optional.of("cannot make " + folder() + " ("
                    + (e instanceof FileSystemException f && f.getReason() != null ? f.getReason()
                    : e.getClass().getSimpleName()) + ")"));
        }
        return distrust();
    }

    /**
     * Why the daemon must not be used here, or empty when it can: the folder, and its socket, lock and
     * log where they exist, must be this user's alone and not links (see {@link Ownership}).
     */
    public Optional<String> distrust() {
        return Ownership.folderProblem(folder())
                .or(() -> Ownership.fileProblem(socket, Ownership.SOCKET))
                .or(() -> Ownership.fileProblem(lockFile(), Ownership.REGULAR))
                .or(() -> Ownership.fileProblem(logFile(), Ownership.REGULAR));
    }

    /** The lock file, made if missing, for writing: never through a link, and only when it is ours alone. */
    public FileChannel openLock() throws IOException {
        return openOwn(lockFile(), StandardOpenOption.WRITE);
    }

    /** Makes the log if missing, the same way, so that the launcher appends to a file of ours. */
    void prepareLog() throws IOException {
        openOwn(logFile(), StandardOpenOption.APPEND).close();
    }

    /** O_NOFOLLOW, so a link is refused rather than followed (even one to a file not there yet). */
    private static FileChannel openOwn(Path file, StandardOpenOption mode) throws IOException {
        Set<OpenOption> options = new HashSet<>(List.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode,
                LinkOption.NOFOLLOW_LINKS));
        FileChannel channel = FileChannel.open(file, options, PosixFilePermissions.asFileAttribute(OWN_FILE));
        Optional<String> problem = Ownership.fileProblem(file, Ownership.REGULAR);
        if (problem.isPresent()) {
            channel.close();
            throw new IOException(problem.get());
        }
        return channel;
    }

    /** The process id the daemon wrote into its lock file, if it did. */
    public Optional<Long> pid() {
        try (InputStream in = Files.newInputStream(lockFile(), LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of(Long.parseLong(new String(in.readNBytes(32), StandardCharsets.US_ASCII).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Every daemon socket in the folder (this build's and others'). */
    public List<Path> allSockets() {
        try (Stream<Path> files = Files.list(folder())) {
            return files.filter(f -> f.getFileName().toString().endsWith(SOCKET)).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * Removes what daemons that have ended (of older builds, mostly) left in the folder: a lock file
     * nobody holds, and the socket and log beside it.
     */
    public void removeDeadNeighbours() {
        try (Stream<Path> files = Files.list(folder())) {
            for (Path lock : files.filter(f -> f.getFileName().toString().endsWith(LOCK)).toList()) {
                if (!lock.equals(lockFile()) && isUnheld(lock)) {
                    DaemonAddress ended = new DaemonAddress(lock.resolveSibling(base(lock, LOCK) + SOCKET));
                    Files.deleteIfExists(ended.socket());
                    Files.deleteIfExists(ended.logFile());
                    Files.deleteIfExists(lock);
                }
            }
        } catch (IOException e) {
            // tidiness only
        }
    }

    private static boolean isUnheld(Path lock) {
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
             FileLock held = channel.tryLock()) {
            return held != null;
        } catch (IOException | OverlappingFileLockException e) {
            return false;
        }
    }

    /** A daemon's files share one name: its socket, lock and log differ only in their suffix. */
    private static String base(Path file, String suffix) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - suffix.length());
    }

    /** Names, not security: the daemon also checks the client's build on every request. */
    private static String fingerprint(String identity) {
        byte[] bytes = identity.getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return HexFormat.of().toHexDigits((int) crc.getValue()) + HexFormat.of().toHexDigits(identity.hashCode());
    }
}
