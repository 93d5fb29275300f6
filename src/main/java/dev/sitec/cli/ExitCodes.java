package dev.sitec.cli;

/** sitec's exit codes: scripts and CI rely on them. */
final class ExitCodes {

    static final int OK = 0;
    /** Invalid input, a stale tree, or output that could not be written. */
    static final int INVALID = 1;
    /** Bad command line. */
    static final int USAGE = 2;
    /** A bug in sitec itself. */
    static final int INTERNAL = 3;

    private ExitCodes() {
    }
}
