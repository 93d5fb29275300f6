package dev.sitec.cli;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Generated files someone edited by hand: what check and generate both advise, and the copies
 * {@code generate --force} keeps of those it overwrites.
 *
 * <p>The copies go beside the output folder, in {@code <out>.sitec-edited/<time>/}, never into it:
 * inside, a copy would be a file sitec does not own, which generate refuses to write over, and a name
 * among those the tools' outputs use ({@code ToolOutputs}) could be deleted as theirs. The folder's
 * name is not a staging folder's ({@code .<out>.sitec-<digits>}), which a later run removes.
 */
final class EditedFiles {

    static final String SUFFIX = ".sitec-edited";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private EditedFiles() {
    }

    /** The same fix for check and generate, with the files and folders the user named. */
    static String hint(SiteFileOption site, OutputDirOption output, int count) {
        String named = (site.isDefault() ? "" : " -f " + Console.shellWord(site.displayName()))
                + (output.isDefault() ? "" : " -o " + Console.shellWord(output.path().toString()));
        return "make the change in " + site.displayName() + " (or move your " + (count == 1 ? "copy" : "copies")
                + " away), then run sitec generate" + named + "; sitec generate --force" + named + " overwrites "
                + (count == 1 ? "it" : "them") + " and keeps a copy in " + keptIn(output) + "/";
    }

    /** Where copies go, as messages print it: beside the folder as the user named it. */
    static String keptIn(OutputDirOption output) {
        return output.path() + SUFFIX;
    }

    /**
     * Copies {@code paths} (below {@code out}, each a plain file the writer checked) into a new folder
     * {@code <out>.sitec-edited/<UTC time>[-n]/}, keeping their folders; returns that folder's name.
     */
    static String keepCopies(Path out, List<String> paths, Instant now) throws IOException {
        Path folder = out.toAbsolutePath().normalize();
        Path root = folder.resolveSibling(folder.getFileName() + SUFFIX);
        if (Files.isSymbolicLink(root) || (Files.exists(root, LinkOption.NOFOLLOW_LINKS)
                && !Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS))) {
            throw new FileAlreadyExistsException(root.toString(), null,
                    "not a folder: generate --force keeps the copies of edited files there; move it away");
        }
        Files.createDirectories(root);
        String stamp = STAMP.format(now);
        Path kept = null;
        for (int n = 1; kept == null; n++) {
            try {
                kept = Files.createDirectory(root.resolve(n == 1 ? stamp : stamp + "-" + n));
            } catch (FileAlreadyExistsException e) {
                if (n > 100) {
                    throw e;
                }
            }
        }
        for (String path : paths) {
            Path copy = kept.resolve(path);
            Files.createDirectories(copy.getParent());
            Files.copy(out.resolve(path), copy, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
        }
        return kept.getFileName().toString();
    }
}
