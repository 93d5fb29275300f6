package dev.sitec.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Who runs sitec, to tell a folder it made from one another user (or a repository) put in its way.
 * On a system without POSIX owners (Windows) there is nothing to compare, and every folder counts
 * as the user's.
 */
public final class CurrentUser {

    private CurrentUser() {
    }

    /** This process's user id; -1 where the platform does not tell. */
    public static long uid() {
        return Uid.VALUE;
    }

    /** Read on first use only: most runs never compare owners. */
    private static final class Uid {
        static final long VALUE = read();

        private static long read() {
            try {
                return new com.sun.security.auth.module.UnixSystem().getUid();
            } catch (LinkageError | RuntimeException e) {
                return -1;
            }
        }
    }

    /** Whether {@code path} itself (never a link's target) is owned by the user running sitec. */
    public static boolean owns(Path path) throws IOException {
        if (uid() < 0) {
            return true;
        }
        try {
            return ((Number) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS)).longValue() == uid();
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return true;
        }
    }
}
