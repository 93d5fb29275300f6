package dev.sitec.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * Where the daemon of one sitec build listens: a socket in a folder only its user can enter
 * ($XDG_RUNTIME_DIR/sitec, else ~/.cache/sitec/daemon), named after the build and the JDK, so that a
 * rebuilt jar or another JDK gets a daemon of its own and never the output of another build.
 */
public record DaemonAddress(Path socket) {

    /** AF_UNIX paths are limited to 108 bytes with the terminator; keep clear of it. */
    private static final int MAX_SOCKET_PATH = 100;
    private static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rwx------");
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

    /** Makes the folder, private to its user; false when it exists and others may enter it. */
    public boolean preparePrivateFolder() {
        try {
            Files.createDirectories(folder(), PosixFilePermissions.asFileAttribute(PRIVATE));
            return isPrivate();
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** True when only its user can enter the folder (a socket anyone could replace is not trusted). */
    public boolean isPrivate() {
        try {
            return Files.getPosixFilePermissions(folder()).equals(PRIVATE);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** The process id the daemon wrote into its lock file, if it did. */
    public Optional<Long> pid() {
        try {
            return Optional.of(Long.parseLong(Files.readString(lockFile()).trim()));
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
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE);
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
