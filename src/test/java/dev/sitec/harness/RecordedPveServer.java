package dev.sitec.harness;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.FileInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A stand-in for a Proxmox VE API on 127.0.0.1, over HTTPS with a self-signed certificate (as a
 * fresh node has): it answers GET /api2/json/PATH?QUERY from recorded responses, the file
 * {@code PATH@QUERY.json}, else {@code PATH.json}; a path it has no answer for gets PVE's 500, and
 * any other method 501. It notes both, so a test can say the consumer read only what was recorded
 * and wrote nothing.
 */
public final class RecordedPveServer implements AutoCloseable {

    private final HttpsServer server;
    private final List<String> unanswered = Collections.synchronizedList(new ArrayList<>());
    private final List<String> writes = Collections.synchronizedList(new ArrayList<>());

    private RecordedPveServer(HttpsServer server) {
        this.server = server;
    }

    /** Serves the recorded responses in {@code recorded}; its key store goes to {@code work}. */
    public static RecordedPveServer serving(Path recorded, Path work) throws IOException, GeneralSecurityException,
            InterruptedException {
        RecordedPveServer pve = new RecordedPveServer(selfSigned(work));
        pve.server.createContext("/", exchange -> pve.answer(recorded, exchange));
        pve.server.start();
        return pve;
    }

    /** An HTTPS server with a self-signed certificate and no handlers yet: a test adds its own. */
    public static HttpsServer selfSigned(Path work) throws IOException, GeneralSecurityException, InterruptedException {
        Path keystore = work.resolve("pve-" + System.nanoTime() + ".p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "pve", "-keyalg", "EC", "-dname", "CN=pve.invalid", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", "changeit")
                .redirectErrorStream(true).start();
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            throw new IOException("keytool could not make a key: " + new String(keytool.getInputStream().readAllBytes(),
                    StandardCharsets.UTF_8));
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(keystore.toFile())) {
            store.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, "changeit".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        return server;
    }

    private void answer(Path recorded, HttpExchange exchange) throws IOException {
        String request = exchange.getRequestMethod() + " " + exchange.getRequestURI();
        if (!exchange.getRequestMethod().equals("GET")) {
            writes.add(request);
            send(exchange, 501, "{\"data\":null}");
            return;
        }
        String path = exchange.getRequestURI().getPath().substring("/api2/json/".length());
        String query = exchange.getRequestURI().getRawQuery();
        Path file = recorded.resolve(path + (query == null ? "" : "@" + query) + ".json");
        if (!Files.exists(file)) {
            file = recorded.resolve(path + ".json");
        }
        if (Files.exists(file)) {
            send(exchange, 200, Files.readString(file));
        } else {
            unanswered.add(request);
            send(exchange, 500, "{\"data\":null}");
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    public String endpoint() {
        return "https://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** GETs the recordings had no answer for. */
    public List<String> unanswered() {
        return List.copyOf(unanswered);
    }

    /** Requests other than GET: a plan never makes one. */
    public List<String> writes() {
        return List.copyOf(writes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
