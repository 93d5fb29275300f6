package dev.sitec.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;

/**
 * The PVE API over HTTPS with an API token (header {@code Authorization: PVEAPIToken=USER@REALM!ID=SECRET}).
 * GET only. The token is held here and never printed; errors name the host, never the token.
 *
 * <p>The server is not trusted to end its answers: each exchange is bounded in time and in size
 * ({@link Limits}), and its JSON is read within the bounds of a site file ({@link BoundedJson}).
 */
public final class HttpPveApi implements PveApi {

    /**
     * Bounds on one exchange. {@code connect}: to connect, and to get the answer's headers. {@code total}:
     * the whole exchange, body included, so that a body sent a byte at a time ends too; a healthy node
     * answers import's GETs in well under a second and a guest agent's within seconds, so a minute is
     * room for a slow link. {@code maxBytes}: the body, read as it comes; import's largest answer,
     * /cluster/resources, is some 400 bytes a guest and node (about 80,000 guests in 32 MiB, past any
     * cluster PVE supports), and what is kept of an endless answer is 32 MiB, not the heap.
     */
    record Limits(Duration connect, Duration total, int maxBytes) {
        static final Limits DEFAULT = new Limits(Duration.ofSeconds(15), Duration.ofSeconds(60), 32 * 1024 * 1024);
    }

    private final URI base;
    private final String token;
    private final String tokenVariable;
    private final Limits limits;
    private final HttpClient client;

    /**
     * @param base the API's origin, e.g. https://pve1:8006
     * @param tls  the trust import checks the server's certificate with (the system's, a CA file's, or none)
     */
    public HttpPveApi(URI base, String token, String tokenVariable, SSLContext tls) {
        this(base, token, tokenVariable, tls, Limits.DEFAULT);
    }

    HttpPveApi(URI base, String token, String tokenVariable, SSLContext tls, Limits limits) {
        this.base = base;
        this.token = token;
        this.tokenVariable = tokenVariable;
        this.limits = limits;
        this.client = HttpClient.newBuilder().sslContext(tls).connectTimeout(limits.connect())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public JsonNode get(String path) throws PveApiException {
        return call(path, false).orElseThrow();
    }

    @Override
    public Optional<JsonNode> find(String path) throws PveApiException {
        return call(path, true);
    }

    @Override
    public String source() {
        return base.toString();
    }

    @Override
    public String where(String path) {
        return base + "/api2/json/" + path;
    }

    private Optional<JsonNode> call(String path, boolean optional) throws PveApiException {
        AnswerPath.segments(path);
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api2/json/" + path)).timeout(limits.connect())
                .header("Authorization", "PVEAPIToken=" + token).header("Accept", "application/json").GET().build();
        HttpResponse<byte[]> response = exchange(path, request);
        int status = response.statusCode();
        if (status == 401) {
            throw new PveApiException(base.getHost() + " refused the token (HTTP 401): the token in " + tokenVariable
                    + " is unknown, expired, or not written as USER@REALM!TOKENID=SECRET",
                    "make one with: pveum user token add USER@REALM TOKENID --privsep 1, and export " + tokenVariable
                            + "='USER@REALM!TOKENID=SECRET'");
        }
        if (status == 403) {
            throw PveApiException.refused("the token may not read /" + path + " (HTTP 403): it needs " + Privileges.forPath(path),
                    Privileges.GRANT_HINT);
        }
        if (optional && (status == 404 || status == 500 || status == 501)) {
            // 500 is PVE's answer for "QEMU guest agent is not running"; 501 for a path this PVE lacks.
            return Optional.empty();
        }
        if (status != 200) {
            throw new PveApiException("GET /api2/json/" + path + " on " + base.getHost() + " failed with HTTP " + status,
                    "check the cluster is healthy (pvecm status) and run it again");
        }
        JsonNode answer = BoundedJson.parse(response.body(), where(path), "give --api the address of a Proxmox VE"
                + " node, e.g. https://pve1:8006");
        JsonNode data = answer.path("data");
        if (data.isMissingNode() || data.isNull() && !optional) {
            throw new PveApiException(where(path) + " answered without data: is it a Proxmox VE API?",
                    "give --api the address of a Proxmox VE node, e.g. https://pve1:8006");
        }
        return data.isNull() ? Optional.empty() : Optional.of(data);
    }

    /** The answer, whole, within the time and size the limits allow; else an error that says which. */
    private HttpResponse<byte[]> exchange(String path, HttpRequest request) throws PveApiException {
        CappedBody body = new CappedBody(limits.maxBytes());
        CompletableFuture<HttpResponse<byte[]>> pending = client.sendAsync(request, info -> body);
        try {
            return pending.get(limits.total().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            body.stop(new IllegalStateException("past the deadline"));
            pending.cancel(true);
            throw new PveApiException(where(path) + " took longer than " + seconds(limits.total()) + " in all ("
                    + body.received() + " bytes of its answer had come): sitec gives each request that long",
                    "check the node's load and the network to it (a healthy node answers in under a second), then"
                            + " run it again");
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new PveApiException("interrupted while reading " + path, "run it again");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CappedBody.TooLarge) {
                throw new PveApiException(where(path) + " answered with more than " + limits.maxBytes() / (1024 * 1024)
                        + " MiB, the most sitec reads of one answer: no Proxmox VE answer it reads is near that",
                        "check that --api names a Proxmox VE node (https://NODE:8006) and nothing between rewrites"
                                + " its answers; if it does, report it");
            }
            throw unreachable(e.getCause() instanceof IOException io ? io : new IOException(e.getCause()));
        }
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    private PveApiException unreachable(IOException e) {
        String where = base.getHost() + ":" + port();
        if (e instanceof SSLHandshakeException) {
            if (causedBy(e, CertPathValidatorException.class) || String.valueOf(e.getMessage()).contains("PKIX")) {
                return new PveApiException("the certificate of " + where + " is not one this machine trusts (PVE's own"
                        + " certificate is signed by the cluster's CA, /etc/pve/pve-root-ca.pem)",
                        "pass --ca-file with a copy of that CA, or --insecure to skip the check (then anyone between you"
                                + " and the node can read the token)");
            }
            if (causedBy(e, CertificateException.class)) {
                return new PveApiException("the certificate of " + where + " is not for " + base.getHost() + ": "
                        + rootMessage(e), "use the name or address the certificate is for, or --insecure");
            }
            return new PveApiException("no TLS connection to " + where + ": " + rootMessage(e),
                    "check that --api names the PVE API (https, port 8006)");
        }
        if (e instanceof HttpConnectTimeoutException || e instanceof HttpTimeoutException) {
            return new PveApiException("no answer from " + where + " within " + seconds(limits.connect()),
                    "check the address, and that a firewall lets this machine reach port " + port());
        }
        if (causedBy(e, UnresolvedAddressException.class) || causedBy(e, UnknownHostException.class)) {
            return new PveApiException("cannot find the host " + base.getHost() + " (DNS)",
                    "give --api the node's address, e.g. https://192.168.1.10:8006");
        }
        if (e instanceof ConnectException || causedBy(e, ConnectException.class)) {
            return new PveApiException("cannot reach " + where + ": " + rootMessage(e),
                    "check that the node is up, that pveproxy runs on it, and that port " + port() + " is open from here");
        }
        return new PveApiException("cannot read " + base + ": " + rootMessage(e), "check the address and the network");
    }

    private int port() {
        return base.getPort() == -1 ? 443 : base.getPort();
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
