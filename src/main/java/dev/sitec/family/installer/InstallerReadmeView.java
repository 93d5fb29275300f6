package dev.sitec.family.installer;

import java.util.List;

/** The installer folder's README: which host gets which ISO, and how to make and use them. */
public record InstallerReadmeView(List<Host> hosts, boolean http, String answerUrl) {

    /** One row of the hosts table. */
    public record Host(String name, String product, String mac, String address, String disks) {
    }
}
