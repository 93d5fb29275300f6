package dev.sitec.write;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The output folder, read as untrusted input: a cloned repository brings it, links and records
 * included. Every path sitec reaches below it is reached without following a symbolic link, and
 * sitec's own records in it (manifest, commit record, recorded site) are read only when they are
 * plain files of bounded size in strict UTF-8.
 *
 * <p>An output folder that is itself a link is refused: a repository can hold {@code generated} as a
 * link to {@code ~/.ssh}, and following it would write the whole tree there. Whoever wants the tree
 * elsewhere names that folder with {@code -o}.
 */
final class OutputFolder {

    private final Path root;

    private OutputFolder(Path root) {
        this.root = root;
    }

    /** The folder at {@code dir}, which may not exist yet; refused when it is a link or not a folder. */
    static OutputFolder of(Path dir) throws RefusedOutputException {
        Path root = dir.toAbsolutePath().normalize();
        if (Files.isSymbolicLink(root)) {
            String target;
            try {
                target = String.valueOf(Files.readSymbolicLink(root));
            } catch (IOException e) {
                target = "elsewhere";
            }
            throw new RefusedOutputException("", 0, "the output folder is a symbolic link (to " + target
                    + "): sitec writes only into a real folder, so that a cloned repository cannot point it elsewhere",
                    "to write into the link's target, name it: -o " + target + "; else replace the link with a folder");
        }
        if (root.getParent() == null || root.getFileName() == null) {
            throw new RefusedOutputException("", 0, "the output folder is the file system's root: sitec writes its tree"
                    + " into a folder of its own, beside which it stages the next one", "name a folder with -o, e.g. -o generated");
        }
        if (Files.exists(root, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            throw new RefusedOutputException("", 0, "the output folder is a file, not a folder",
                    "move the file away, or name another folder with -o");
        }
        return new OutputFolder(root);
    }

    Path root() {
        return root;
    }

    boolean exists() {
        return Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS);
    }

    /** A path below the folder; {@code relative} is one {@link OutputPaths#isContained} accepts. */
    Path resolve(String relative) {
        return root.resolve(relative);
    }

    /**
     * Refuses when a folder on the way to any of {@code paths} is a link or a file, or when a path
     * itself is a link or a folder; absent folders and files are fine (sitec makes them). Each folder
     * is looked at once.
     */
    void requirePlainPaths(Collection<String> paths) throws RefusedOutputException {
        Set<Path> checked = new HashSet<>();
        for (String path : paths) {
            Path file = root.resolve(path);
            List<Path> ancestors = new ArrayList<>();
            for (Path d = file.getParent(); d != null && !d.equals(root) && checked.add(d); d = d.getParent()) {
                ancestors.add(d);
            }
            for (int i = ancestors.size() - 1; i >= 0; i--) { // from the top: a link above hides what is below
                Path d = ancestors.get(i);
                if (Files.isSymbolicLink(d)) {
                    throw new RefusedOutputException(relative(d), 0, "a symbolic link where sitec keeps a folder: sitec writes,"
                            + " moves and deletes nothing through a link below its output folder; nothing was changed",
                            "make it a plain folder (or move it away) and run again");
                }
                if (Files.exists(d, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS)) {
                    throw new RefusedOutputException(relative(d), 0, "a file where sitec keeps a folder; nothing was changed",
                            "move it away and run again");
                }
            }
            if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                String what = Files.isSymbolicLink(file) ? "a symbolic link"
                        : Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS) ? "a folder" : "a special file (a pipe, socket or device)";
                throw new RefusedOutputException(path, 0, what + " where sitec keeps a file; nothing was changed",
                        "move it away and run again");
            }
        }
    }

    /**
     * The bytes of one of sitec's records at the top of the folder: empty when there is none; refused
     * when it is a link, not a plain file, or larger than {@code maxBytes}.
     */
    Optional<byte[]> readRecord(String name, long maxBytes) throws IOException {
        Path file = root.resolve(name);
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        if (!attributes.isRegularFile()) {
            throw new RefusedOutputException(name, 0, (attributes.isSymbolicLink() ? "a symbolic link" : "a folder")
                    + " where sitec keeps a record of its own: sitec reads no record through a link; nothing was changed",
                    "move it away and run again");
        }
        if (attributes.size() > maxBytes) {
            throw new RefusedOutputException(name, 0, "a record of " + attributes.size() + " bytes; sitec reads at most " + maxBytes
                    + " bytes of it, and wrote none this large", "move it away and run again");
        }
        try (InputStream in = Files.newInputStream(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = in.readNBytes((int) maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new RefusedOutputException(name, 0, "grew past " + maxBytes + " bytes while sitec read it", "run again");
            }
            return Optional.of(bytes);
        }
    }

    /** A record's text, refused at the first line that is not UTF-8. */
    static String text(byte[] bytes, String name) throws RefusedOutputException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            lines(bytes, name); // throws, at the line
            throw new IllegalStateException("a text that is not UTF-8 has a line that is not", e);
        }
    }

    /** A record's lines, refused at the first line that is not UTF-8. */
    static List<String> lines(byte[] bytes, String name) throws RefusedOutputException {
        List<String> lines = new ArrayList<>();
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int start = 0;
        while (start < bytes.length) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            try {
                lines.add(decoder.decode(ByteBuffer.wrap(bytes, start, end - start)).toString());
            } catch (CharacterCodingException e) {
                throw new RefusedOutputException(name, lines.size() + 1, "a line that is not UTF-8 text: sitec did not write it",
                        "move " + name + " away and run again");
            }
            start = end + 1;
        }
        return lines;
    }

    /** {@code path} below the folder, '/'-separated, as messages name it. */
    String relative(Path path) {
        return root.relativize(path).toString().replace('\\', '/');
    }
}
