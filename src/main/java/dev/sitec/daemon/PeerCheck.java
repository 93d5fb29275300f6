package dev.sitec.daemon;

import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.nio.file.attribute.UserPrincipal;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;

/**
 * The user at the other end of a Unix domain socket, where the platform tells it (Linux, macOS): the
 * daemon serves only its own user, and the client talks only to a daemon of its own user.
 */
final class PeerCheck {

    private PeerCheck() {
    }

    /** False only when the peer is known to be someone other than {@code owner} (compared by uid). */
    static boolean isOwner(SocketChannel channel, UserPrincipal owner) throws IOException {
        if (!channel.supportedOptions().contains(ExtendedSocketOptions.SO_PEERCRED)) {
            return true; // the socket's private folder is the guard
        }
        UnixDomainPrincipal peer = channel.getOption(ExtendedSocketOptions.SO_PEERCRED);
        return peer.user().equals(owner);
    }
}
