package dev.sitec.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A site file a command writes for the user (init, import): whole or not at all, never over a file. */
final class NewSiteFile {

    private NewSiteFile() {
    }

    /**
     * Writes a temporary file beside the target and links it into place (link fails, atomically, when
     * the name is taken), then removes the temporary one.
     *
     * @throws FileAlreadyExistsException when the target exists
     */
    static void write(Path target, String text) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Path temporary = Files.createTempFile(parent, "." + target.getFileName(), ".part");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            try {
                Files.createLink(target, temporary);
            } catch (UnsupportedOperationException e) {
                Files.move(temporary, target);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
