package dev.sitec.daemon;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

/** Asks a daemon to run a command, and copies its output and exit code to this process. */
public final class DaemonClient {

    /** The exit code of a run that failed because the daemon went away during it. */
    public static final int DAEMON_LOST = 3;

    private DaemonClient() {
    }

    /**
     * The run's exit code; empty when no daemon took the request (none listens, it is another build's,
     * or the socket is not this user's alone: then nothing was sent), in which case nothing was
     * printed and the caller runs the command itself.
     */
    public static OptionalInt run(Path socket, Request request, OutputStream stdout, OutputStream stderr) {
        SocketChannel channel;
        try {
            channel = connect(socket);
        } catch (IOException e) {
            return OptionalInt.empty();
        }
        boolean[] answered = {false};
        try (channel) {
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel)));
            Protocol.writeHeader(out, Protocol.Kind.RUN);
            Protocol.writeRequest(out, request);
            DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel)));
            return OptionalInt.of(Protocol.readReply(in, stdout, stderr, () -> answered[0] = true));
        } catch (IOException e) {
            if (!answered[0]) {
                return OptionalInt.empty();
            }
            // Part of the output is out: running again here would print it twice.
            PrintStream err = new PrintStream(stderr, true, StandardCharsets.UTF_8);
            err.println("sitec: the daemon stopped during the run (" + e.getMessage() + "); run the command again,"
                    + " or with SITEC_DAEMON=0 to run it without the daemon");
            return OptionalInt.of(DAEMON_LOST);
        }
    }

    /** Asks the daemon to stop; false when none was listening. */
    public static boolean stop(Path socket) {
        try (SocketChannel channel = connect(socket)) {
            DataOutputStream out = new DataOutputStream(Channels.newOutputStream(channel));
            Protocol.writeHeader(out, Protocol.Kind.STOP);
            out.flush();
            DataInputStream in = new DataInputStream(Channels.newInputStream(channel));
            Protocol.readReply(in, OutputStream.nullOutputStream(), OutputStream.nullOutputStream(), () -> { });
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** True when a daemon accepts connections on {@code socket}. */
    public static boolean isListening(Path socket) {
        try {
            connect(socket).close();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Connects only to a socket of this user's, in a folder of this user's, served by this user: a
     * socket anyone else made or serves could answer as sitec and read what the client sends.
     */
    private static SocketChannel connect(Path socket) throws IOException {
        Optional<String> problem = Ownership.folderProblem(socket.toAbsolutePath().getParent())
                .or(() -> Ownership.fileProblem(socket, Ownership.SOCKET));
        if (problem.isPresent()) {
            throw new IOException(problem.get());
        }
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.connect(UnixDomainSocketAddress.of(socket));
            if (!PeerCheck.isOwner(channel, Files.getOwner(socket, LinkOption.NOFOLLOW_LINKS))) {
                throw new IOException(socket + " is served by another user");
            }
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e instanceof IOException io ? io : new IOException(e);
        }
    }
}
