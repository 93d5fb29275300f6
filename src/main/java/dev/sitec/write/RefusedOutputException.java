package dev.sitec.write;

import java.io.IOException;

/**
 * What sitec found in its output folder and will not act on: a link where a folder or file of its own
 * belongs, a record it did not write, bytes that are not the ones it wrote. The folder is input (a
 * cloned repository brings it), so each refusal names the place (a path below the folder, and the
 * line of a record) and what to do; nothing has been changed when it is thrown.
 */
public final class RefusedOutputException extends IOException {

    private final String path;
    private final int line;
    private final String hint;

    /**
     * @param path where, relative to the output folder ("" for the folder itself)
     * @param line the line of a record it concerns, 1-based; 0 when it concerns the whole file
     */
    RefusedOutputException(String path, int line, String message, String hint) {
        super(message);
        this.path = path;
        this.line = line;
        this.hint = hint;
    }

    public String path() {
        return path;
    }

    public int line() {
        return line;
    }

    public String hint() {
        return hint;
    }

    /** The place as a compiler prints it, below the output folder as the user named it. */
    public String location(String outputName) {
        String where = path.isEmpty() ? outputName : outputName + "/" + path;
        return line > 0 ? where + ":" + line + ":1" : where;
    }

    /** The refusal as sitec prints it: the place, the message, and on the next line the fix. */
    public String format(String outputName) {
        return location(outputName) + ": error: " + getMessage() + "\n    hint: " + hint;
    }
}
