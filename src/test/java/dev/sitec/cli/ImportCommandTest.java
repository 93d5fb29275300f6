package dev.sitec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsServer;
import dev.sitec.harness.RecordedPveServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * sitec import as a person meets it: from saved responses, and against an HTTPS server standing in
 * for the PVE API (self-signed, as a fresh PVE node's is), with every error a person can cause said
 * plainly: unreachable host, untrusted certificate, refused token, missing privilege, unknown version.
 */
class ImportCommandTest {

    private static final String TOKEN = "sitec@pve!import=00000000-0000-0000-0000-000000000000";

    @TempDir
    Path dir;

    private HttpsServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private CliTest.Run run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> environment = new HashMap<>(env);
        environment.put("XDG_CACHE_HOME", dir.resolve("cache").toString());
        int exit = SitecCommand.run(args, new Invocation(dir, environment, new PrintWriter(out, true), new PrintWriter(err, true)));
        return new CliTest.Run(exit, out.toString(), err.toString());
    }

    private CliTest.Run run(String... args) {
        return run(Map.of("PROXMOX_VE_API_TOKEN", TOKEN), args);
    }

    @Test
    void importsSavedResponsesAndNeverOverwrites() throws Exception {
        String from = Path.of("src/test/resources/pve/pve8-home").toAbsolutePath().toString();
        CliTest.Run run = run("import", "--from", from, "-f", "lab.yaml");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("wrote lab.yaml from " + from + " (Proxmox VE 8.4.1): 4 VMs and 2 containers to"
                + " adopt, 2 template VMs as images to clone from, 15 values to review, 16 things the site cannot say"
                + " (listed at its end)\n");
        String written = Files.readString(dir.resolve("lab.yaml"));
        assertThat(written).doesNotContain(TOKEN);
        CliTest.Run again = run("import", "--from", from, "-f", "lab.yaml");
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).isEqualTo("sitec: lab.yaml exists; import never overwrites a site\n"
                + "    hint: name another file with -f, e.g. -f imported.yaml\n");
        assertThat(Files.readString(dir.resolve("lab.yaml"))).isEqualTo(written);
        try (var files = Files.list(dir)) {
            assertThat(files.map(Path::toString)).noneMatch(name -> name.endsWith(".part"));
        }
    }

    @Test
    void theTokenComesFromTheEnvironmentOnly() {
        CliTest.Run run = run(Map.of(), "import", "--api", "https://192.0.2.10:8006");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("sitec: PROXMOX_VE_API_TOKEN is not set: import reads the API token from it, never"
                + " from a flag\n    hint: export PROXMOX_VE_API_TOKEN='USER@REALM!TOKENID=SECRET' (a token with the"
                + " PVEAuditor role is enough)\n");
        assertThat(dir.resolve("site.yaml")).doesNotExist();
    }

    @Test
    void anUnreachableHostIsSaidSo() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        CliTest.Run run = run("import", "--api", "https://127.0.0.1:" + port);
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).startsWith("sitec: cannot reach 127.0.0.1:" + port + ": ")
                .endsWith("    hint: check that the node is up, that pveproxy runs on it, and that port " + port
                        + " is open from here\n");
        assertThat(dir.resolve("site.yaml")).doesNotExist();
    }

    @Test
    void aSelfSignedCertificateIsRefusedUnlessAskedOtherwise() throws Exception {
        int port = serve(Map.of());
        CliTest.Run run = run("import", "--api", "https://127.0.0.1:" + port);
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("sitec: the certificate of 127.0.0.1:" + port + " is not one this machine trusts"
                + " (PVE's own certificate is signed by the cluster's CA, /etc/pve/pve-root-ca.pem)\n"
                + "    hint: pass --ca-file with a copy of that CA, or --insecure to skip the check (then anyone between you"
                + " and the node can read the token)\n");
    }

    @Test
    void aRefusedTokenIsSaidSo() throws Exception {
        int port = serve(Map.of("/api2/json/version", 401));
        CliTest.Run run = run("import", "--api", "https://127.0.0.1:" + port, "--insecure");
        assertThat(run.err()).isEqualTo("sitec: 127.0.0.1 refused the token (HTTP 401): the token in PROXMOX_VE_API_TOKEN is"
                + " unknown, expired, or not written as USER@REALM!TOKENID=SECRET\n    hint: make one with: pveum user token"
                + " add USER@REALM TOKENID --privsep 1, and export PROXMOX_VE_API_TOKEN='USER@REALM!TOKENID=SECRET'\n");
    }

    @Test
    void aMissingPrivilegeIsNamed() throws Exception {
        int port = serve(Map.of());
        respond("/api2/json/access/permissions", "{\"data\":{\"/\":{\"Sys.Audit\":1,\"Datastore.Audit\":1}}}");
        CliTest.Run run = run("import", "--api", "https://127.0.0.1:" + port, "--insecure");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("sitec: the token lacks VM.Audit on /vms: without VM.Audit PVE hides the VMs and"
                + " containers and their configurations, and import would write a lab without them\n"
                + "    hint: give the token the PVEAuditor role on / (read-only): pveum acl modify / --tokens"
                + " 'USER@REALM!TOKEN' --roles PVEAuditor\n");
    }

    @Test
    void aRefusedReadNamesThePrivilegeItNeeds() throws Exception {
        int port = serve(Map.of("/api2/json/cluster/status", 403));
        respond("/api2/json/access/permissions", "{\"data\":{\"/\":{\"Sys.Audit\":1,\"VM.Audit\":1,\"Datastore.Audit\":1}}}");
        CliTest.Run run = run("import", "--api", "https://127.0.0.1:" + port, "--insecure");
        assertThat(run.err()).startsWith("sitec: the token may not read /cluster/status (HTTP 403): it needs Sys.Audit on /\n");
    }

    @Test
    void anUnknownVersionStopsTheImport() throws Exception {
        int port = serve(Map.of());
        respond("/api2/json/version", "{\"data\":{\"version\":\"7.4-17\",\"release\":\"7.4\"}}");
        CliTest.Run run = run("import", "--api", "https://127.0.0.1:" + port, "--insecure");
        assertThat(run.err()).isEqualTo("sitec: Proxmox VE 7.4-17 is not a version sitec import knows: it reads PVE 8 and 9,"
                + " whose API answers it was tested against\n    hint: upgrade the cluster to PVE 8 first (pve7to8), or"
                + " describe it by hand\n");
        assertThat(dir.resolve("site.yaml")).doesNotExist();
    }

    @Test
    void readsALiveApiWithTheTokenInItsHeaderAndGetsTheSameSiteAsFromSavedResponses() throws Exception {
        Path recorded = Path.of("src/test/resources/pve/pve9-single").toAbsolutePath();
        int port = serve(Map.of());
        server.removeContext("/");
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath().substring("/api2/json/".length());
            Path file = recorded.resolve(path + ".json");
            boolean authorised = ("PVEAPIToken=" + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = authorised && Files.exists(file) && exchange.getRequestMethod().equals("GET")
                    ? Files.readAllBytes(file) : "{\"data\":null}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(!authorised ? 401 : Files.exists(file) ? 200 : 500, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        CliTest.Run live = run("import", "--api", "https://127.0.0.1:" + port, "--insecure", "-f", "live.yaml",
                "--record", "answers");
        assertThat(live.exit()).as(live.err()).isEqualTo(0);
        // What it saved imports again offline to the same site.
        CliTest.Run replayed = run("import", "--from", "answers", "-f", "replayed.yaml");
        assertThat(replayed.exit()).as(replayed.err()).isEqualTo(0);
        assertThat(Files.readString(dir.resolve("replayed.yaml")).replace("from answers (", "from X ("))
                .isEqualTo(Files.readString(dir.resolve("live.yaml")).replace("from https://127.0.0.1:" + port + " (", "from X (")
                        .replace("      endpoint: \"https://127.0.0.1:" + port + "/\"\n", ""));
        assertThat(run("import", "--api", "https://127.0.0.1:" + port, "--insecure", "-f", "again.yaml", "--record",
                "answers").err()).startsWith("sitec: --record answers is not a new or empty folder\n");
        CliTest.Run saved = run("import", "--from", recorded.toString(), "-f", "saved.yaml");
        assertThat(saved.exit()).as(saved.err()).isEqualTo(0);
        String liveText = Files.readString(dir.resolve("live.yaml"));
        assertThat(liveText).contains("      endpoint: \"https://127.0.0.1:" + port + "/\"\n");
        assertThat(liveText.replace("https://127.0.0.1:" + port, recorded.toString())
                .replace("      endpoint: \"" + recorded + "/\"\n", ""))
                .isEqualTo(Files.readString(dir.resolve("saved.yaml")));
    }

    /** Issue 23 item 8: a node's name from the cluster is never a way out of --from's or --record's folder. */
    @Test
    void aNodeNamedLikeAPathIsRefusedWithSavedResponses() throws Exception {
        Path answers = dir.resolve("answers");
        Path recorded = Path.of("src/test/resources/pve/pve9-single");
        try (var files = Files.walk(recorded)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = answers.resolve(recorded.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.writeString(target, Files.readString(file).replace("\"node\": \"pve\"", "\"node\": \"../../outside_pve\""));
            }
        }
        Files.createDirectories(dir.resolve("outside_pve"));
        Files.writeString(dir.resolve("outside_pve/network.json"), "{\"data\": []}");
        CliTest.Run run = run("import", "--from", "answers");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("sitec: a node's name is \"../../outside_pve\", not a node name PVE allows (letters,"
                + " digits and '-', at most 63): import reads each node's answers by its name, and refuses this one"
                + " (answers/cluster/resources.json)\n    hint: PVE does not write it so: if these are saved responses,"
                + " save them again with --record; if a live cluster gave it, report it with the folder --record saves\n");
        assertThat(dir.resolve("site.yaml")).doesNotExist();
    }

    @Test
    void aNodeNamedLikeAPathIsRefusedBeforeRecordWritesAnything() throws Exception {
        int port = serve(Map.of());
        respond("/api2/json/access/permissions", "{\"data\":{\"/\":{\"Sys.Audit\":1,\"VM.Audit\":1,\"Datastore.Audit\":1}}}");
        respond("/api2/json/cluster/status", "{\"data\":[]}");
        respond("/api2/json/cluster/resources", "{\"data\":[{\"type\":\"node\",\"node\":\"../../outside_pve\","
                + "\"status\":\"online\"},{\"type\":\"qemu\",\"vmid\":100,\"node\":\"../../outside_pve\"}]}");
        CliTest.Run run = run("import", "--api", "https://127.0.0.1:" + port, "--insecure", "--record", "answers/saved");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).startsWith("sitec: a node's name is \"../../outside_pve\", not a node name PVE allows")
                .contains(" (https://127.0.0.1:" + port + "/api2/json/cluster/resources)\n");
        assertThat(dir.resolve("outside_pve")).doesNotExist();
        assertThat(dir.resolve("answers/outside_pve")).doesNotExist();
    }

    /** Issue 23 item 12: a value of the wrong type names the guest, the key and the file, and exits 1, not 3. */
    @Test
    void aMemoryThatIsAnObjectIsSaidWhereItIs() throws Exception {
        Path answers = dir.resolve("answers");
        Path recorded = Path.of("src/test/resources/pve/pve9-single");
        try (var files = Files.walk(recorded)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = answers.resolve(recorded.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
        Path config = answers.resolve("nodes/pve/qemu/201/config.json");
        Files.writeString(config, Files.readString(config).replace("\"memory\": \"8192\"", "\"memory\": {\"current\": 8192}"));
        CliTest.Run run = run("import", "--from", "answers");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("sitec: VM 201 (plex): memory is {\"current\":8192}, not text"
                + " (answers/nodes/pve/qemu/201/config.json)\n    hint: PVE does not write it so: if these are saved responses,"
                + " save them again with --record; if a live cluster gave it, report it with the folder --record saves\n");
    }

    /** Issue 23 item 9: an endless answer stops at the size bound, with the real bound, not at the heap's end. */
    @Test
    void anEndlessAnswerIsCutAtItsBound() throws Exception {
        int port = serve(Map.of());
        server.createContext("/api2/json/version", exchange -> {
            try (exchange) {
                exchange.sendResponseHeaders(200, 0);
                byte[] chunk = " ".repeat(1 << 16).getBytes(StandardCharsets.UTF_8);
                for (int i = 0; i < 1 << 20; i++) {
                    exchange.getResponseBody().write(chunk);
                }
            } catch (java.io.IOException gone) {
                // import hung up, as it should
            }
        });
        CliTest.Run run = run("import", "--api", "https://127.0.0.1:" + port, "--insecure");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("sitec: https://127.0.0.1:" + port + "/api2/json/version answered with more than 32"
                + " MiB, the most sitec reads of one answer: no Proxmox VE answer it reads is near that\n    hint: check"
                + " that --api names a Proxmox VE node (https://NODE:8006) and nothing between rewrites its answers; if it"
                + " does, report it\n");
    }

    /** An HTTPS server with a self-signed certificate: 200 with a PVE 9 version, or the given status per path. */
    private int serve(Map<String, Integer> statuses) throws Exception {
        server = RecordedPveServer.selfSigned(dir);
        server.createContext("/", exchange -> {
            int status = statuses.getOrDefault(exchange.getRequestURI().getPath(), 200);
            byte[] body = (status == 200 ? "{\"data\":{\"version\":\"9.0.10\",\"release\":\"9.0\"}}" : "{\"data\":null}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server.getAddress().getPort();
    }

    private void respond(String path, String json) {
        server.createContext(path, exchange -> {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
    }
}
