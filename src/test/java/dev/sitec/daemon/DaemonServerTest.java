package dev.sitec.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DaemonServerTest {

    private static final String BUILD = "sitec.jar:1:2";

    @TempDir
    Path dir;

    private CompletableFuture<Void> serving;

    @AfterEach
    void stopServing() throws Exception {
        if (serving != null && !serving.isDone()) {
            DaemonClient.stop(socket());
            serving.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aClientGetsTheRunsOutputAndExitCodeAsIfItHadRunItself() throws Exception {
        serve(new DaemonServer.Lifetime(Duration.ofMinutes(1), () -> false, () -> { }), (request, out, err) -> {
            out.println("ran " + request.args() + " in " + request.workingDirectory());
            err.println("XDG_CACHE_HOME=" + request.environment().get("XDG_CACHE_HOME"));
            return 1;
        });
        Reply reply = ask(request(BUILD, "generate", "-o", "out"));
        assertThat(reply.exit()).hasValue(1);
        assertThat(reply.out()).isEqualTo("ran [generate, -o, out] in /home/me/lab\n");
        assertThat(reply.err()).isEqualTo("XDG_CACHE_HOME=/tmp/cache\n");
    }

    @Test
    void runsAreServedOneAfterAnother() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        serve(new DaemonServer.Lifetime(Duration.ofMinutes(1), () -> false, () -> { }), (request, out, err) -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            sleep(50);
            running.decrementAndGet();
            return 0;
        });
        List<CompletableFuture<Reply>> clients = List.of(
                CompletableFuture.supplyAsync(() -> ask(request(BUILD, "check"))),
                CompletableFuture.supplyAsync(() -> ask(request(BUILD, "check"))),
                CompletableFuture.supplyAsync(() -> ask(request(BUILD, "check"))));
        for (CompletableFuture<Reply> client : clients) {
            assertThat(client.get(10, TimeUnit.SECONDS).exit()).hasValue(0);
        }
        assertThat(most.get()).isEqualTo(1);
    }

    @Test
    void anotherBuildsClientIsSentAwayUnservedAndRunsItself() throws Exception {
        AtomicBoolean ran = new AtomicBoolean();
        serve(new DaemonServer.Lifetime(Duration.ofMinutes(1), () -> false, () -> { }), (request, out, err) -> {
            ran.set(true);
            return 0;
        });
        Reply reply = ask(request("other.jar:3:4", "generate"));
        assertThat(reply.exit()).isEmpty();
        assertThat(reply.out() + reply.err()).isEmpty();
        assertThat(ran).isFalse();
    }

    @Test
    void aDaemonWhoseBuildWasReplacedStopsAndSendsClientsAway() throws Exception {
        AtomicBoolean replaced = new AtomicBoolean();
        serve(new DaemonServer.Lifetime(Duration.ofMinutes(1), replaced::get, () -> { }), (request, out, err) -> 0);
        assertThat(ask(request(BUILD, "check")).exit()).hasValue(0);
        replaced.set(true);
        assertThat(ask(request(BUILD, "check")).exit()).isEmpty();
        serving.get(10, TimeUnit.SECONDS);
        assertThat(socket()).doesNotExist();
    }

    @Test
    void anIdleDaemonStopsAndTidiesUpAfterARun() throws Exception {
        AtomicInteger tidied = new AtomicInteger();
        serve(new DaemonServer.Lifetime(Duration.ofMillis(1500), () -> false, tidied::incrementAndGet),
                (request, out, err) -> 0);
        assertThat(ask(request(BUILD, "check")).exit()).hasValue(0);
        serving.get(10, TimeUnit.SECONDS);
        assertThat(tidied.get()).isEqualTo(1);
        assertThat(socket()).doesNotExist();
    }

    @Test
    void aClientThatSpeaksNonsenseOrHangsUpDoesNotStopTheDaemon() throws Exception {
        serve(new DaemonServer.Lifetime(Duration.ofMinutes(1), () -> false, () -> { }), (request, out, err) -> 0);
        try (SocketChannel rude = SocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
            rude.connect(java.net.UnixDomainSocketAddress.of(socket()));
            rude.write(java.nio.ByteBuffer.wrap("GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
        }
        assertThat(DaemonClient.isListening(socket())).isTrue();
        assertThat(ask(request(BUILD, "check")).exit()).hasValue(0);
    }

    @Test
    void aClientThatConnectsAndSaysNothingDoesNotHoldUpTheNext() throws Exception {
        DaemonServer server = new DaemonServer(socket(), BUILD, (request, out, err) -> 0,
                new DaemonServer.Lifetime(Duration.ofMinutes(1), () -> false, () -> { }), Duration.ofMillis(300));
        start(server);
        try (SocketChannel silent = SocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
            silent.connect(java.net.UnixDomainSocketAddress.of(socket()));
            // While it stays connected and silent, the next client is still served.
            assertThat(CompletableFuture.supplyAsync(() -> ask(request(BUILD, "check"))).get(30, TimeUnit.SECONDS)
                    .exit()).hasValue(0);
        }
    }

    @Test
    void stopEndsTheDaemonAndRemovesItsSocket() throws Exception {
        serve(new DaemonServer.Lifetime(Duration.ofMinutes(1), () -> false, () -> { }), (request, out, err) -> 0);
        assertThat(DaemonClient.stop(socket())).isTrue();
        serving.get(10, TimeUnit.SECONDS);
        assertThat(socket()).doesNotExist();
        assertThat(DaemonClient.stop(socket())).isFalse();
        assertThat(ask(request(BUILD, "check")).exit()).isEmpty();
    }

    record Reply(OptionalInt exit, String out, String err) {
    }

    private Path socket() {
        return dir.resolve("test.sock");
    }

    private void serve(DaemonServer.Lifetime lifetime, DaemonServer.Handler handler) throws InterruptedException {
        start(new DaemonServer(socket(), BUILD, handler, lifetime));
    }

    private void start(DaemonServer server) throws InterruptedException {
        serving = server.serveInBackground();
    }

    private Reply ask(Request request) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        OptionalInt exit = DaemonClient.run(socket(), request, out, err);
        return new Reply(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Request request(String build, String... args) {
        return new Request(build, Path.of("/home/me/lab"), List.of(args), Map.of("XDG_CACHE_HOME", "/tmp/cache"),
                "UTF-8");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
