package dev.sitec.adopt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsServer;
import dev.sitec.harness.RecordedPveServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API is not trusted to end its answers: a body sent a byte at a time stops at the deadline of
 * the whole exchange, an endless one at the size bound, each with a message that names the request,
 * the bound and what to do. (Short bounds here; ImportCommandTest meets the real size bound.)
 */
class HttpPveApiTest {

    @TempDir
    Path dir;

    private HttpsServer server;

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private HttpPveApi api(HttpPveApi.Limits limits) throws Exception {
        return new HttpPveApi(URI.create("https://127.0.0.1:" + server.getAddress().getPort()), "t@pve!x=y",
                "PROXMOX_VE_API_TOKEN", TlsTrust.none(), limits);
    }

    /** Headers at once, then the body a byte every half second: each byte well inside any read timeout. */
    @Test
    void aTricklingAnswerEndsAtTheDeadline() throws Exception {
        serve(out -> {
            out.write("{\"data\": ".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 60; i++) {
                out.write(' ');
                out.flush();
                sleep(500);
            }
        });
        HttpPveApi api = api(new HttpPveApi.Limits(Duration.ofSeconds(15), Duration.ofSeconds(2), 1024 * 1024));
        long start = System.nanoTime();
        assertThatThrownBy(() -> api.get("cluster/resources")).isInstanceOf(PveApiException.class)
                .hasMessageStartingWith("https://127.0.0.1:" + server.getAddress().getPort() + "/api2/json/cluster/resources"
                        + " took longer than 2 s in all (")
                .hasMessageEndingWith(" bytes of its answer had come): sitec gives each request that long")
                .extracting(e -> ((PveApiException) e).hint()).asString().startsWith("check the node's load");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void anEndlessAnswerEndsAtTheSizeBound() throws Exception {
        serve(out -> {
            byte[] chunk = " ".repeat(64 * 1024).getBytes(StandardCharsets.UTF_8);
            out.write("{\"data\": ".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 100_000; i++) {
                out.write(chunk);
            }
        });
        HttpPveApi api = api(new HttpPveApi.Limits(Duration.ofSeconds(15), Duration.ofSeconds(60), 2 * 1024 * 1024));
        assertThatThrownBy(() -> api.get("version")).isInstanceOf(PveApiException.class)
                .hasMessage("https://127.0.0.1:" + server.getAddress().getPort() + "/api2/json/version answered with more"
                        + " than 2 MiB, the most sitec reads of one answer: no Proxmox VE answer it reads is near that");
    }

    @Test
    void anAnswerWithoutDataIsAnErrorNotACrash() throws Exception {
        serve(out -> out.write("{\"data\": null}".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> api(HttpPveApi.Limits.DEFAULT).get("version")).isInstanceOf(PveApiException.class)
                .hasMessageEndingWith("/api2/json/version answered without data: is it a Proxmox VE API?");
    }

    private interface Body {
        void write(OutputStream out) throws IOException;
    }

    /** Every request gets 200 and a chunked body; the handler ends when the client hangs up. */
    private void serve(Body body) throws Exception {
        server = RecordedPveServer.selfSigned(dir);
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.sendResponseHeaders(200, 0);
                body.write(exchange.getResponseBody());
            } catch (IOException gone) {
                // the client gave up, as it should
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
