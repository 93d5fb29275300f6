package dev.sitec;

import dev.sitec.model.Placeholders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The kept sites that `sitec import` wrote (sites/imported-*.yaml) hold its placeholders for what PVE
 * cannot tell (the password hash, an SSH key), exactly as a person gets them. Tests that generate
 * from them first do what the person is told to do: put in a key and a hash of their own.
 */
public final class KeptSites {

    public static final String TEST_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFakeKeyForTheKeptSitesOnlyDoNotUse0001 ops@test";
    public static final String TEST_HASH =
            "$6$rounds=656000$keptsalt$9GhWq3QhUq4m0o0Hk2f3vUq5H0s2i9K0S3y7fZ0mN1pQ6rT8uV2wX4yZ6aB8cD0eF2gH4iJ6kL8mN0pQ2rS4t.";

    private KeptSites() {
    }

    /** The site's text with the placeholders replaced, as the person finishes it. */
    public static String finished(String text) {
        return text.replace(Placeholders.SSH_KEY, TEST_KEY).replace(Placeholders.PASSWORD_HASH, TEST_HASH);
    }

    /** {@code site} finished, written to {@code dir} under its own file name. */
    public static Path finishedCopy(Path site, Path dir) {
        try {
            return Files.writeString(dir.resolve(site.getFileName()), finished(Files.readString(site, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
