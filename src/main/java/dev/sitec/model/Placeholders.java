package dev.sitec.model;

/**
 * The values sitec writes where only the person can supply the real one (init's starter site, an
 * imported site): they validate as values, so that the rest of the file can be checked, and the
 * rule PlaceholdersReplaced refuses to generate from them, since applying them would lock the
 * person out of every host.
 */
public final class Placeholders {

    /** An ed25519 key line that is no one's key. */
    public static final String SSH_KEY =
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIReplaceWithYourOwnPublicKeyReplaceWithYourOwnK you@laptop";
    /** A SHA-512 crypt line that is no one's password. */
    public static final String PASSWORD_HASH =
            "$6$rounds=656000$replaceme$ReplaceWithTheOutputOfMkpasswdMSha512crypt.ReplaceWithTheOutputOfMkpasswdMSha512";

    private Placeholders() {
    }

    /** Whether a key line is the placeholder's key, whatever its comment says. */
    public static boolean isPlaceholderKey(String line) {
        String[] placeholder = SSH_KEY.split(" ");
        String[] fields = line.strip().split("\\s+");
        return fields.length >= 2 && fields[0].equals(placeholder[0]) && fields[1].equals(placeholder[1]);
    }
}
