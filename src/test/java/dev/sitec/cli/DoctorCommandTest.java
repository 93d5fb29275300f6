package dev.sitec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsServer;
import dev.sitec.family.ansible.ApiPrivileges;
import dev.sitec.harness.RecordedPveServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * sitec doctor against stand-ins: {@code ssh} and {@code git} on PATH that answer as a host or Git
 * server would (the host's name, "Permission denied (publickey)."), and an HTTPS server answering
 * the two PVE API calls doctor makes, GET /access/permissions (every path, "/" among them) and GET /nodes/NODE/storage,
 * in the shapes pve-access-control's PermissionsAPI and pve-storage's Status API return.
 */
class DoctorCommandTest {

    private static final String TOKEN = "terraform@pve!sitec=00000000-0000-0000-0000-000000000000";

    @TempDir
    Path dir;

    private HttpsServer server;
    private Path bin;
    private final Map<String, String> hostnames = new HashMap<>(Map.of("10.30.0.2", "pve1", "10.30.0.5", "pbs.doc.example.net"));
    private List<String> privileges = new ArrayList<>(ApiPrivileges.TERRAFORM);
    private String storages = "[{\"storage\":\"local\",\"type\":\"dir\",\"active\":1,\"enabled\":1},"
            + "{\"storage\":\"local-lvm\",\"type\":\"lvmthin\",\"active\":1,\"enabled\":1}]";
    private int permissionsStatus = 200;
    private final List<String> requests = new ArrayList<>();
    /** More GET paths the stand-in API answers, with their data. */
    private final Map<String, String> apiAnswers = new HashMap<>();

    @BeforeEach
    void standIns() throws Exception {
        Files.copy(Path.of("src/test/resources/doctor/site.yaml"), dir.resolve("site.yaml"));
        bin = Files.createDirectories(dir.resolve("bin"));
        // ssh root@ADDRESS hostname: the host's name from hosts/ADDRESS, else the refusal ssh prints
        script("ssh", """
                #!/bin/sh
                for a; do last_but_one=$target; target=$a; done
                address=${last_but_one#root@}
                if [ -f "$STANDIN/hosts/$address" ]; then cat "$STANDIN/hosts/$address"; exit 0; fi
                if [ -f "$STANDIN/down/$address" ]; then echo "ssh: connect to host $address port 22: No route to host" >&2; exit 255; fi
                echo "root@$address: Permission denied (publickey)." >&2
                exit 255
                """);
        // git ls-remote REPO HEAD: accepted when GIT_SSH_COMMAND names the key the server knows
        script("git", """
                #!/bin/sh
                case "$GIT_SSH_COMMAND" in *"-i $STANDIN/home/.ssh/doc-flux "*)
                  [ -f "$STANDIN/accepted" ] && { echo "0123456789abcdef0123456789abcdef01234567	HEAD"; exit 0; } ;;
                esac
                echo "git@git.doc.example.net: Permission denied (publickey)." >&2
                echo "fatal: Could not read from remote repository." >&2
                exit 128
                """);
        Files.createDirectories(dir.resolve("home/.ssh"));
        Files.writeString(dir.resolve("home/.ssh/doc-flux"), "-----BEGIN OPENSSH PRIVATE KEY-----\n");
        Files.writeString(dir.resolve("accepted"), "");
        server = RecordedPveServer.selfSigned(dir);
        server.createContext("/", exchange -> {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            String path = exchange.getRequestURI().toString();
            int status = 200;
            String body;
            if (!("PVEAPIToken=" + TOKEN).equals(auth)) {
                status = 401;
                body = "{\"data\":null}";
            } else if (path.equals("/api2/json/access/permissions")) {
                status = permissionsStatus;
                body = "{\"data\":{\"/\":{" + privileges.stream().map(p -> "\"" + p + "\":1").collect(Collectors.joining(","))
                        + "}}}";
            } else if (path.equals("/api2/json/nodes/pve1/storage")) {
                body = "{\"data\":" + storages + "}";
            } else if (apiAnswers.containsKey(path)) {
                body = "{\"data\":" + apiAnswers.get(path) + "}";
            } else {
                status = 500;
                body = "{\"data\":null}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void script(String name, String text) throws IOException {
        Path file = bin.resolve(name);
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private CliTest.Run doctor(Map<String, String> extra) throws IOException {
        Files.createDirectories(dir.resolve("hosts"));
        for (var host : hostnames.entrySet()) {
            Files.writeString(dir.resolve("hosts").resolve(host.getKey()), host.getValue() + "\n");
        }
        Map<String, String> environment = new HashMap<>();
        environment.put("PATH", bin + ":/usr/bin:/bin");
        environment.put("HOME", dir.resolve("home").toString());
        environment.put("STANDIN", dir.toString());
        environment.put("XDG_CACHE_HOME", dir.resolve("cache").toString());
        environment.put("PROXMOX_VE_API_TOKEN_HOME", TOKEN);
        environment.putAll(extra);
        environment.values().removeIf(String::isEmpty);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = SitecCommand.run(new String[] {"doctor", "--api", "home=https://127.0.0.1:" + server.getAddress().getPort()},
                new Invocation(dir, environment, new PrintWriter(out, true), new PrintWriter(err, true)));
        return new CliTest.Run(exit, out.toString(), err.toString());
    }

    @Test
    void aReadyLabPassesEveryCheckAndWritesNothing() throws Exception {
        CliTest.Run run = doctor(Map.of());
        assertThat(run.out()).isEqualTo("""
                ok   ssh root@10.30.0.2: logs in as root; hostname pve1
                ok   ssh root@10.30.0.5: logs in as root; hostname pbs.doc.example.net
                ok   cluster home: the token works at https://127.0.0.1:%d and holds the 29 privileges Terraform needs
                ok   node pve1: has its guests' datastores: local, local-lvm
                ok   flux of lab: ssh://git@git.doc.example.net/ops/lab.git accepts the deploy key ~/.ssh/doc-flux
                the lab is ready for the next stage
                """.formatted(server.getAddress().getPort()));
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(requests).allMatch(r -> r.startsWith("GET "));
        assertThat(run.out() + run.err()).doesNotContain(TOKEN.substring(TOKEN.indexOf('=') + 1));
    }

    /**
     * Issue 26 (its reviews): a VM cloned from a template needs the template VM on its node (qemu-server
     * clone_vm), and a mapping adopted without an address needs an entry for the node that uses it, or
     * PVE refuses to start the VM (qemu-server PCI.pm, "PCI device mapping not found").
     */
    @Test
    void templatesAndAdoptedMappingsAreThere() throws Exception {
        String site = Files.readString(dir.resolve("site.yaml"))
                .replace("images:\n", "images:\n  golden: { kind: template, vm_id: 9000, node: pve1, os: debian }\n")
                .replace("pve1: { address: 10.30.0.2, datastore: local-lvm }", "pve1:\n          address: 10.30.0.2\n"
                        + "          datastore: local-lvm\n          devices:\n"
                        + "            hba: { type: pci, id: \"1000:0097\", existing: true }")
                .replace("vms:\n", "vms:\n  nas: { node: pve1, image: golden, passthrough: [hba], address: { lan: 10.30.0.21 } }\n");
        Files.writeString(dir.resolve("site.yaml"), site);
        apiAnswers.put("/api2/json/nodes/pve1/qemu/9000/config", "{\"template\":1,\"name\":\"golden\","
                + "\"scsi0\":\"local-lvm:base-9000-disk-0,size=8G\"}");
        apiAnswers.put("/api2/json/cluster/mapping/pci/hba", "{\"map\":[\"node=pve2,path=0000:02:00.0,id=1000:0097\","
                + "\"node=pve1,path=0000:01:00.0,id=1000:0097\"]}");
        CliTest.Run ready = doctor(Map.of());
        assertThat(ready.out()).contains("ok   image golden: template VM 9000 is on pve1\n",
                "ok   mapping hba: maps 1000:0097 on pve1\n");
        assertThat(ready.exit()).as(ready.out()).isZero();

        apiAnswers.put("/api2/json/nodes/pve1/qemu/9000/config", "{\"template\":1,\"name\":\"golden\","
                + "\"virtio0\":\"local-lvm:base-9000-disk-0,size=8G\"}");
        CliTest.Run virtio = doctor(Map.of());
        assertThat(virtio.out()).contains("""
                FAIL image golden: template VM 9000 has no scsi0, which nas boots from: the clone would get an empty scsi0 \
                beside the template's disk
                     fix: give nas's first disk the template's slot (disks: [{ interface: ..., size_gib: ... }])
                """);
        apiAnswers.put("/api2/json/nodes/pve1/qemu/9000/config", "{\"template\":1,\"name\":\"golden\","
                + "\"scsi0\":\"local-lvm:base-9000-disk-0,size=48G\"}");
        assertThat(doctor(Map.of()).out()).contains("""
                FAIL image golden: template VM 9000's scsi0 is 48 GiB, more than the 32 GiB nas asks: the provider never \
                shrinks a clone's disk
                     fix: give nas's scsi0 at least 48 GiB (size_gib)
                """);
        apiAnswers.put("/api2/json/nodes/pve1/qemu/9000/config", "{\"name\":\"golden\"}");
        apiAnswers.put("/api2/json/cluster/mapping/pci/hba", "{\"map\":[\"node=pve2,path=0000:02:00.0,id=1000:0097\"]}");
        CliTest.Run broken = doctor(Map.of());
        assertThat(broken.out()).contains("""
                FAIL image golden: VM 9000 on pve1 is not a template
                     fix: turn it into one (qm template 9000), or name the template's own VMID
                """, """
                FAIL mapping hba: has no entry for pve1, where site.yaml passes it through
                     fix: add pve1's device to the mapping (Datacenter > Resource Mappings)
                """);
        assertThat(broken.exit()).isEqualTo(ExitCodes.INVALID);
    }

    /**
     * A full clone on another node than a template on local storage is cloned on the template's node and
     * migrated (bpg/proxmox vm.go vmCreateClone), and PVE does not migrate a local CD-ROM image
     * (qemu-server QemuMigrate.pm, "local cdrom image").
     */
    @Test
    void aTemplateWithALocalIsoCannotBeClonedToAnotherNode() throws Exception {
        String site = Files.readString(dir.resolve("site.yaml"))
                .replace("images:\n", "images:\n  golden: { kind: template, vm_id: 9000, node: pve1, os: debian }\n")
                .replace("pve1: { address: 10.30.0.2, datastore: local-lvm }",
                        "pve1: { address: 10.30.0.2, datastore: local-lvm }\n        pve2: { address: 10.30.0.3, datastore: local-lvm }")
                .replace("vms:\n", "vms:\n  web: { node: pve2, image: golden, address: { lan: 10.30.0.21 } }\n");
        Files.writeString(dir.resolve("site.yaml"), site);
        hostnames.put("10.30.0.3", "pve2");
        apiAnswers.put("/api2/json/nodes/pve2/storage", storages);
        apiAnswers.put("/api2/json/nodes/pve1/qemu/9000/config", "{\"template\":1,\"scsi0\":\"local-lvm:base-9000-disk-0,size=8G\","
                + "\"ide2\":\"local:iso/debian-13.iso,media=cdrom\"}");
        assertThat(doctor(Map.of()).out()).contains("""
                FAIL image golden: template VM 9000 has local:iso/debian-13.iso in its ide2: web is cloned on pve1 and \
                migrated to pve2, and PVE does not migrate a local CD-ROM image
                     fix: eject it: qm set 9000 --ide2 none,media=cdrom
                """);
        apiAnswers.put("/api2/json/nodes/pve1/qemu/9000/config", "{\"template\":1,\"scsi0\":\"local-lvm:base-9000-disk-0,size=8G\","
                + "\"ide2\":\"none,media=cdrom\"}");
        assertThat(doctor(Map.of()).out()).contains("ok   image golden: template VM 9000 is on pve1\n");
    }

    @Test
    void eachFailureSaysWhatToRun() throws Exception {
        hostnames.remove("10.30.0.2");
        hostnames.put("10.30.0.5", "backup");
        privileges.remove("VM.Migrate");
        privileges.remove("SDN.Use");
        storages = "[{\"storage\":\"local\",\"type\":\"dir\",\"active\":1,\"enabled\":1},"
                + "{\"storage\":\"local-lvm\",\"type\":\"lvmthin\",\"active\":0,\"enabled\":1}]";
        Files.delete(dir.resolve("accepted"));
        CliTest.Run run = doctor(Map.of());
        assertThat(run.out()).isEqualTo("""
                FAIL ssh root@10.30.0.2: root cannot log in without a password: root@10.30.0.2: Permission denied (publickey).
                     fix: ssh-copy-id root@10.30.0.2 (and accept the host's key once: ssh root@10.30.0.2)
                FAIL ssh root@10.30.0.5: the host is called backup, but the site names it pbs
                     fix: rename it in site.yaml, or on the host (a PVE node's name is part of its cluster: rename it before it joins)
                FAIL cluster home: the token lacks SDN.Use, VM.Migrate on /
                     fix: run the proxmox stage again (make proxmox): it brings the role's privileges up to date
                FAIL node pve1: lacks active datastores local-lvm
                     fix: add them (pvesm add, or the GUI's Datacenter > Storage), or name the node's datastore in site.yaml
                FAIL flux of lab: ssh://git@git.doc.example.net/ops/lab.git refuses the deploy key ~/.ssh/doc-flux: \
                git@git.doc.example.net: Permission denied (publickey).
                     fix: add ~/.ssh/doc-flux.pub to the repository on the Git host as a read-only deploy key
                5 checks failed: fix them before the next stage
                """);
        assertThat(run.exit()).isEqualTo(ExitCodes.INVALID);
    }

    @Test
    void aHostThatDoesNotAnswerIsNotAKeyProblem() throws Exception {
        Files.createDirectories(dir.resolve("down"));
        Files.writeString(dir.resolve("down/10.30.0.5"), "");
        hostnames.remove("10.30.0.5");
        assertThat(doctor(Map.of()).out()).startsWith("""
                ok   ssh root@10.30.0.2: logs in as root; hostname pve1
                FAIL ssh root@10.30.0.5: no SSH session: ssh: connect to host 10.30.0.5 port 22: No route to host
                     fix: check that the host is up at 10.30.0.5 (the address site.yaml gives it) and that sshd runs
                """);
    }

    @Test
    void theTokenComesFromTheFileTheProxmoxPlayWroteWhenNoVariableIsSet() throws Exception {
        CliTest.Run none = doctor(Map.of("PROXMOX_VE_API_TOKEN_HOME", ""));
        assertThat(none.out()).contains("""
                FAIL cluster home: no API token: $PROXMOX_VE_API_TOKEN_HOME is not set, ~/.config/sitec/doc/home-api-token is missing
                     fix: run the proxmox stage first (make proxmox): it creates the token and writes it to \
                ~/.config/sitec/doc/home-api-token
                """);
        Files.createDirectories(dir.resolve("home/.config/sitec/doc"));
        Files.writeString(dir.resolve("home/.config/sitec/doc/home-api-token"), TOKEN + "\n");
        CliTest.Run fromFile = doctor(Map.of("PROXMOX_VE_API_TOKEN_HOME", ""));
        assertThat(fromFile.out()).contains("ok   cluster home: the token works");
        assertThat(fromFile.exit()).isZero();
    }

    @Test
    void aRefusedTokenIsSaidWithoutItsSecret() throws Exception {
        String wrong = "terraform@pve!sitec=11111111-1111-1111-1111-111111111111";
        CliTest.Run run = doctor(Map.of("PROXMOX_VE_API_TOKEN_HOME", wrong));
        assertThat(run.out()).contains("FAIL cluster home: 127.0.0.1 refused the token (HTTP 401)");
        assertThat(run.out()).doesNotContain("node pve1").doesNotContain("11111111-1111");
        assertThat(run.exit()).isEqualTo(ExitCodes.INVALID);
    }

    @Test
    void anInvalidSiteIsReportedAndNothingIsRun() throws Exception {
        Files.writeString(dir.resolve("site.yaml"), Files.readString(dir.resolve("site.yaml")).replace("servers: [k3s-1]",
                "servers: [k3s-9]"));
        CliTest.Run run = doctor(Map.of());
        assertThat(run.exit()).isEqualTo(ExitCodes.INVALID);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("site.yaml:").contains("k3s-9");
        assertThat(requests).isEmpty();
    }
}
