package dev.sitec.daemon;

import dev.sitec.write.CurrentUser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;

/**
 * Whether the daemon's folder and files are this user's alone, read without following links. A
 * folder someone else owns (XDG_RUNTIME_DIR still naming another user's after `su` without `-`), or
 * a link, would let that user answer as sitec or point the daemon's writes at a file of ours. Each
 * check says what is wrong, in a phrase, or nothing when the path is ours.
 */
final class Ownership {

    private static final int TYPE = 0170000;
    private static final int FOLDER = 0040000;
    private static final int LINK = 0120000;
    static final int SOCKET = 0140000;
    static final int REGULAR = 0100000;
    private static final int STICKY = 01000;
    /**
     * Others, not the group: with a group of one's own (the usual on Linux), umask 002 leaves home
     * folders group-writable, and the client checks the daemon's user on the socket besides.
     */
    private static final int OTHERS_WRITE = 0002;
    private static final int PERMISSIONS = 0777;
    private static final int PRIVATE = 0700;
    private static final int ROOT = 0;
    /** As the kernel does, give up on a path whose links go round. */
    private static final int MAX_LINKS = 40;

    private Ownership() {
    }

    /** This process's user id; -1 where the platform does not tell (then nothing is trusted). */
    static long uid() {
        return CurrentUser.uid();
    }

    /**
     * Why {@code folder} is not a private folder of this user: not a real folder (a link, missing),
     * owned by someone else, open to others, or inside a folder someone else could rename it in.
     */
    static Optional<String> folderProblem(Path folder) {
        Path absolute = folder.toAbsolutePath();
        Optional<String> above = absolute.getParent() == null ? Optional.empty()
                : ancestorProblem(absolute.getParent());
        if (above.isPresent()) {
            return above;
        }
        Optional<Stat> stat = stat(absolute);
        if (stat.isEmpty()) {
            return Optional.of(absolute + " does not exist or cannot be read");
        }
        Optional<String> kind = kindProblem(absolute, stat.get(), FOLDER);
        if (kind.isPresent()) {
            return kind;
        }
        int permissions = stat.get().mode() & PERMISSIONS;
        return permissions == PRIVATE ? Optional.empty() : Optional.of(absolute + " is not private to its user (mode "
                + Integer.toOctalString(permissions) + "); chmod 700 it");
    }

    /**
     * Why a file of the daemon ({@code type} {@link #SOCKET} or {@link #REGULAR}) is not this user's
     * alone; nothing when it does not exist (then the one who makes it, us, owns it). A regular file
     * must have one name: truncating a hard link would truncate the file it names.
     */
    static Optional<String> fileProblem(Path file, int type) {
        Optional<Stat> stat = stat(file);
        if (stat.isEmpty()) {
            return Files.exists(file, LinkOption.NOFOLLOW_LINKS)
                    ? Optional.of(file + " cannot be read") : Optional.empty();
        }
        Optional<String> kind = kindProblem(file, stat.get(), type);
        if (kind.isPresent()) {
            return kind;
        }
        return type == REGULAR && stat.get().links() != 1
                ? Optional.of(file + " has other names (hard links)") : Optional.empty();
    }

    /** Why {@code path} is not a {@code type} (not a link to one) owned by this user. */
    private static Optional<String> kindProblem(Path path, Stat stat, int type) {
        if (stat.type() == LINK) {
            return Optional.of(path + " is a symbolic link");
        }
        if (stat.type() != type) {
            return Optional.of(path + " is not a " + (type == FOLDER ? "folder" : type == SOCKET ? "socket"
                    : "regular file"));
        }
        if (uid() < 0) {
            return Optional.of("cannot tell who runs sitec, so " + path + " is not trusted");
        }
        return stat.uid() == uid() ? Optional.empty()
                : Optional.of(path + " belongs to " + ownerName(path, stat) + ", not to you");
    }

    /**
     * Why someone else could replace {@code folder} or a folder on the way to it: each must be owned by
     * this user or root and not writable by others (unless sticky, like /tmp). Links on the way are
     * followed, and the folders they lead through checked too; the part not made yet is fine (this
     * user makes it).
     */
    static Optional<String> ancestorProblem(Path folder) {
        Deque<Path> names = new ArrayDeque<>();
        folder.toAbsolutePath().forEach(names::addLast);
        Path root = folder.toAbsolutePath().getRoot();
        Path current = root;
        int links = 0;
        while (!names.isEmpty()) {
            String name = names.removeFirst().toString();
            if (name.equals(".") || name.equals("..")) {
                current = name.equals("..") && current.getParent() != null ? current.getParent() : current;
                continue;
            }
            Path next = current.resolve(name);
            Optional<Stat> stat = stat(next);
            if (stat.isEmpty()) {
                return Files.exists(next, LinkOption.NOFOLLOW_LINKS)
                        ? Optional.of(next + " cannot be read") : Optional.empty();
            }
            if (stat.get().type() == LINK) {
                if (++links > MAX_LINKS) {
                    return Optional.of(folder + " has too many symbolic links");
                }
                Path target = readLink(next);
                if (target == null) {
                    return Optional.of(next + " cannot be read");
                }
                Deque<Path> rest = new ArrayDeque<>();
                target.forEach(rest::addLast);
                rest.descendingIterator().forEachRemaining(names::addFirst);
                current = target.isAbsolute() ? root : current;
                continue;
            }
            if (stat.get().type() != FOLDER) {
                return Optional.of(next + " is not a folder");
            }
            if (stat.get().uid() != uid() && stat.get().uid() != ROOT) {
                return Optional.of(next + " belongs to " + ownerName(next, stat.get()) + ", not to you or root");
            }
            if ((stat.get().mode() & OTHERS_WRITE) != 0 && (stat.get().mode() & STICKY) == 0) {
                return Optional.of(next + " can be changed by others (mode "
                        + Integer.toOctalString(stat.get().mode() & 07777) + ")");
            }
            current = next;
        }
        return Optional.empty();
    }

    private static String ownerName(Path path, Stat stat) {
        try {
            return Files.getOwner(path, LinkOption.NOFOLLOW_LINKS).getName();
        } catch (IOException | RuntimeException e) {
            return "uid " + stat.uid();
        }
    }

    private static Path readLink(Path link) {
        try {
            return Files.readSymbolicLink(link);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** A path's mode (type and permissions), owner and number of names, the link itself for a link. */
    private record Stat(int mode, long uid, int links) {
        int type() {
            return mode & TYPE;
        }
    }

    private static Optional<Stat> stat(Path path) {
        try {
            Map<String, Object> a = Files.readAttributes(path, "unix:mode,uid,nlink", LinkOption.NOFOLLOW_LINKS);
            return Optional.of(new Stat((Integer) a.get("mode"), ((Integer) a.get("uid")) & 0xffffffffL,
                    (Integer) a.get("nlink")));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // callers tell "missing" from "unreadable" by looking again
        }
    }
}
