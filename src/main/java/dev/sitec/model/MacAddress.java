package dev.sitec.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A MAC address in lower-case colon form. */
public record MacAddress(String value) {

    public static MacAddress parse(String text) {
        return new MacAddress(text.toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * A MAC derived from a stable seed (the VM's and the network's names): the same seed gives the
     * same MAC on every run and machine, whatever else the site holds. Locally administered and
     * unicast, so it cannot clash with a vendor's address.
     */
    public static MacAddress derive(String seed) {
        byte[] hash = sha256("sitec-mac\0" + seed);
        byte[] mac = new byte[6];
        System.arraycopy(hash, 0, mac, 0, 6);
        mac[0] = (byte) ((mac[0] & 0xfc) | 0x02);
        return new MacAddress(HexFormat.ofDelimiter(":").formatHex(mac));
    }

    /**
     * Whether a NIC can have this address: not all zeros, and not a group address (the low bit of
     * the first octet, IEEE 802 "I/G"), which multicast and broadcast (ff:ff:ff:ff:ff:ff) are.
     */
    public boolean isUnicast() {
        int first = Integer.parseInt(value.substring(0, 2), 16);
        return (first & 1) == 0 && !hexDigits().equals("000000000000");
    }

    /** The 12 hex digits without separators, as udev's ID_NET_NAME_MAC ends with them. */
    public String hexDigits() {
        return value.replace(":", "");
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
