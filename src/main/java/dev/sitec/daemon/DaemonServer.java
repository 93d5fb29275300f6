package dev.sitec.daemon;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Serves sitec runs on a Unix domain socket, one at a time (two runs writing one tree must not
 * interleave, and one run already uses both cores), for as long as its {@link Lifetime} says or until
 * a client asks it to stop. Only the user who runs it can connect: the socket's folder is private and
 * theirs ({@link DaemonAddress}) and each peer is checked to be the socket's owner where the platform
 * tells.
 */
public final class DaemonServer {

    /** Runs one request: writes its output to {@code out} and {@code err}, returns its exit code. */
    @FunctionalInterface
    public interface Handler {
        int run(Request request, PrintWriter out, PrintWriter err);
    }

    /**
     * When the daemon stops and what it does between runs: it stops after {@code idleTimeout} without
     * a request, or once {@code outdated} says its build is no longer the one installed (checked
     * every few seconds and before each run); {@code tidyUp} runs once after each run when no other
     * request follows within a second (returning memory to the system, say).
     */
    public record Lifetime(Duration idleTimeout, BooleanSupplier outdated, Runnable tidyUp) {
    }

    private static final Duration WAKE_UP = Duration.ofSeconds(5);
    private static final Duration TIDY_DELAY = Duration.ofSeconds(1);
    /** A client sends its request at once; one that connects and says nothing must not hold up others. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final Path socket;
    private final String build;
    private final Handler handler;
    private final Lifetime lifetime;
    private final Duration requestTimeout;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sitec-daemon-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    public DaemonServer(Path socket, String build, Handler handler, Lifetime lifetime) {
        this(socket, build, handler, lifetime, REQUEST_TIMEOUT);
    }

    DaemonServer(Path socket, String build, Handler handler, Lifetime lifetime, Duration requestTimeout) {
        this.socket = socket;
        this.build = build;
        this.handler = handler;
        this.lifetime = lifetime;
        this.requestTimeout = requestTimeout;
    }

    /**
     * Serves on a thread of its own and returns once the socket accepts connections (for a daemon
     * inside another program: the build's class-list warm-up, tests). The future ends when serving
     * does, with its exception if it failed.
     */
    public CompletableFuture<Void> serveInBackground() throws InterruptedException {
        CompletableFuture<Void> serving = CompletableFuture.runAsync(() -> {
            try {
                serve();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, runnable -> {
            Thread thread = new Thread(runnable, "sitec-daemon");
            thread.setDaemon(true);
            thread.start();
        });
        while (!DaemonClient.isListening(socket) && !serving.isDone()) {
            Thread.sleep(5);
        }
        return serving;
    }

    /**
     * Binds the socket (replacing a dead daemon's file) and serves until it is time to stop; an
     * IOException, touching nothing, when the socket's folder is not this user's alone.
     */
    public void serve() throws IOException {
        Optional<String> untrusted = Ownership.folderProblem(socket.toAbsolutePath().getParent());
        if (untrusted.isPresent()) {
            throw new IOException("not serving: " + untrusted.get());
        }
        Files.deleteIfExists(socket);
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
             Selector selector = Selector.open()) {
            server.bind(UnixDomainSocketAddress.of(socket));
            Optional<String> bound = Ownership.fileProblem(socket, Ownership.SOCKET);
            if (bound.isPresent()) {
                throw new IOException("not serving: " + bound.get());
            }
            UserPrincipal owner = Files.getOwner(socket, LinkOption.NOFOLLOW_LINKS);
            server.configureBlocking(false);
            server.register(selector, SelectionKey.OP_ACCEPT);
            long lastUsed = System.nanoTime();
            boolean tidy = true;
            boolean running = true;
            while (running) {
                Duration wait = tidy ? min(WAKE_UP, remaining(lastUsed)) : TIDY_DELAY;
                selector.select(Math.max(1, wait.toMillis()));
                selector.selectedKeys().clear();
                SocketChannel client = server.accept();
                if (client != null) {
                    running = serveOne(client, owner);
                    lastUsed = System.nanoTime();
                    tidy = false;
                } else if (!tidy) {
                    lifetime.tidyUp().run();
                    tidy = true;
                } else if (remaining(lastUsed).isZero() || lifetime.outdated().getAsBoolean()) {
                    running = false;
                }
            }
        } finally {
            watchdog.shutdownNow();
            Files.deleteIfExists(socket);
        }
    }

    private Duration remaining(long lastUsed) {
        Duration left = lifetime.idleTimeout().minusNanos(System.nanoTime() - lastUsed);
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Serves one connection; false when the daemon should stop afterwards. */
    private boolean serveOne(SocketChannel channel, UserPrincipal owner) {
        try (channel) {
            channel.configureBlocking(true);
            if (!PeerCheck.isOwner(channel, owner)) {
                return true;
            }
            DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel)));
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel)));
            // Closing the channel ends a read that waits too long (with an IOException, below).
            ScheduledFuture<?> deadline = watchdog.schedule(() -> closeQuietly(channel), requestTimeout.toMillis(),
                    TimeUnit.MILLISECONDS);
            Protocol.Kind kind = Protocol.readHeader(in);
            Request request = kind == Protocol.Kind.RUN ? Protocol.readRequest(in) : null;
            if (!deadline.cancel(false)) {
                return true; // too late: the channel is closed
            }
            if (kind == Protocol.Kind.STOP) {
                Protocol.writeExit(out, 0);
                return false;
            }
            // Another build's client (or this build, replaced since it started): closing without a
            // frame tells the client to run the command itself.
            if (!request.build().equals(build) || lifetime.outdated().getAsBoolean()) {
                return false;
            }
            run(request, out);
            return true;
        } catch (IOException | RuntimeException e) {
            // A client that went away or spoke nonsense costs its own run, never the daemon.
            return true;
        }
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // closed either way
        }
    }

    private void run(Request request, DataOutputStream out) throws IOException {
        Charset charset = Charset.isSupported(request.charset()) ? Charset.forName(request.charset())
                : Charset.defaultCharset();
        PrintWriter stdout = new PrintWriter(new OutputStreamWriter(new Protocol.FrameStream(out, Protocol.STDOUT),
                charset), true);
        PrintWriter stderr = new PrintWriter(new OutputStreamWriter(new Protocol.FrameStream(out, Protocol.STDERR),
                charset), true);
        int code;
        try {
            code = handler.run(request, stdout, stderr);
        } finally {
            stdout.flush();
            stderr.flush();
        }
        Protocol.writeExit(out, code);
    }
}
