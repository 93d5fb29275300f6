package dev.sitec.adopt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What import does with a cluster that is not whole (an offline node, whose own paths answer nothing)
 * and with answers it cannot read (edited by hand): the rest is adopted, or a clear error, never a trace.
 */
class ClusterReaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theGuestsOfAnOfflineNodeAreNotAdoptedAndTheRestAre() throws Exception {
        // pve-c is down: PVE proxies its paths to it, so none of them answers.
        copy(Path.of("src/test/resources/pve/pve8-home"), "nodes/pve-c/");
        Path resources = dir.resolve("cluster/resources.json");
        Files.writeString(resources, Files.readString(resources).replace(
                "\"node\": \"pve-c\",\n   \"status\": \"online\"", "\"node\": \"pve-c\",\n   \"status\": \"offline\""));
        DraftView draft = SiteDraft.read(new RecordedPveApi(dir, "answers"), Optional.empty());
        assertThat(draft.vms()).extracting(DraftView.Vm::name).containsExactly("k3s-1", "nas", "win11-desktop");
        assertThat(draft.nodes()).extracting(DraftView.Node::name).containsExactly("pve-a", "pve-b", "pve-c");
        assertThat(draft.unexpressed()).contains("not adopted: VM 104 (legacy): its node pve-c is offline, so its"
                + " configuration cannot be read; import again once it is up");
    }

    @Test
    void anAnswerItCannotReadIsAnErrorThatSaysWhere() throws Exception {
        copy(Path.of("src/test/resources/pve/pve9-single"), "");
        Path config = dir.resolve("nodes/pve/qemu/201/config.json");
        Files.writeString(config, Files.readString(config).replace("bridge=vmbr0,mtu=9000", "bridge=vmbr0,mtu=jumbo"));
        assertThatThrownBy(() -> SiteDraft.read(new RecordedPveApi(dir, "answers"), Optional.empty()))
                .isInstanceOf(PveApiException.class)
                .hasMessage("VM 201 (plex): net0's mtu is \"jumbo\", not a whole number"
                        + " (answers/nodes/pve/qemu/201/config.json)");
    }

    /**
     * Issue 23 item 12: a value of a type PVE never gives is an error that names the guest (where there
     * is one), the key and the file, never an exception's message (a memory that was an object read as
     * "" and failed as NumberFormatException: For input string: "").
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            nodes/pve/qemu/201/config.json | /data/memory      | {"current": 1}  | VM 201 (plex): memory is {"current":1}, not text (answers/nodes/pve/qemu/201/config.json)
            nodes/pve/qemu/201/config.json | /data/memory      | "lots"          | VM 201 (plex): memory is "lots", not a whole number (answers/nodes/pve/qemu/201/config.json)
            nodes/pve/qemu/201/config.json | /data/cores       | "four"          | VM 201 (plex): cores is "four", not a whole number (answers/nodes/pve/qemu/201/config.json)
            nodes/pve/qemu/201/config.json | /data/sockets     | 99999           | VM 201 (plex): sockets is 99999, not a whole number from 1 to 1024 (answers/nodes/pve/qemu/201/config.json)
            nodes/pve/qemu/201/config.json | /data/balloon     | 1.5             | VM 201 (plex): balloon is 1.5, not a whole number (answers/nodes/pve/qemu/201/config.json)
            nodes/pve/qemu/201/config.json | /data/net0        | "virtio=BC:24:11:9B:02:01,bridge=vmbr0,tag=forty" | VM 201 (plex): net0's tag is "forty", not a whole number (answers/nodes/pve/qemu/201/config.json)
            nodes/pve/qemu/201/config.json | /data/startup     | "order=first"   | VM 201 (plex): startup's order is "first", not a whole number (answers/nodes/pve/qemu/201/config.json)
            nodes/pve/qemu/201/config.json | /data/ipconfig0   | "ip=300.0.0.1/24" | VM 201 (plex): ipconfig0's ip is "300.0.0.1/24", not an IPv4 address with its prefix length (192.168.1.10/24) (answers/nodes/pve/qemu/201/config.json)
            nodes/pve/qemu/201/config.json | /data/ipconfig0   | "ip=10.0.0.9/24,gw=gateway" | VM 201 (plex): ipconfig0's gw is "gateway", not an IPv4 address (answers/nodes/pve/qemu/201/config.json)
            nodes/pve/qemu/201/config.json | /data/description | [1]             | VM 201 (plex): description is [1], not text (answers/nodes/pve/qemu/201/config.json)
            nodes/pve/qemu/201/config.json | /data/scsi0       | {}              | VM 201 (plex): scsi0 is {}, not text (answers/nodes/pve/qemu/201/config.json)
            nodes/pve/qemu/201/config.json | /data/agent       | [true]          | VM 201: agent is [true], not text (answers/nodes/pve/qemu/201/config.json)
            nodes/pve/qemu/201/config.json | /data/sshkeys     | "ssh-ed25519%zz" | VM 201 (plex)'s sshkeys is "ssh-ed25519%zz", not URL-encoded public keys (answers/nodes/pve/qemu/201/config.json)
            nodes/pve/lxc/211/config.json  | /data/swap        | "lots"          | container 211 (files): swap is "lots", not a whole number (answers/nodes/pve/lxc/211/config.json)
            nodes/pve/lxc/211/config.json  | /data/net0        | "name=eth0,bridge=vmbr0,hwaddr=BC:24:11:9B:02:11,ip=10.0.0.300/24" | container 211 (files): net0's ip is "10.0.0.300/24", not an IPv4 address with its prefix length (192.168.1.10/24) (answers/nodes/pve/lxc/211/config.json)
            nodes/pve/lxc/211/config.json  | /data/hostname    | {"a": "b"}      | container 211 (files): hostname is {"a":"b"}, not text (answers/nodes/pve/lxc/211/config.json)
            cluster/resources.json         | /data/1/vmid      | "two hundred"   | vmid is "two hundred", not a whole number (answers/cluster/resources.json)
            cluster/resources.json         | /data/1/vmid      | 12              | a guest's vmid is 12, not a VMID (100 to 999999999) (answers/cluster/resources.json)
            cluster/resources.json         | /data/1/vmid      | 201             | the vmid 201 is listed twice, not once: a VMID is one guest's (answers/cluster/resources.json)
            cluster/resources.json         | /data/0/maxcpu    | "many"          | maxcpu is "many", not a whole number (answers/cluster/resources.json)
            cluster/resources.json         | /data/1/template  | {}              | template is {}, not a whole number (answers/cluster/resources.json)
            nodes/pve/network.json         | /data/1/cidr      | "10.0.0.2"      | vmbr0's cidr is "10.0.0.2", not an IPv4 address with its prefix length (192.168.1.10/24) (answers/nodes/pve/network.json)
            nodes/pve/network.json         | /data/1/mtu       | "jumbo"         | mtu is "jumbo", not a whole number (answers/nodes/pve/network.json)
            nodes/pve/time.json            | /data/timezone    | []              | timezone is [], not text (answers/nodes/pve/time.json)
            cluster/options.json           | /data/keyboard    | {}              | keyboard is {}, not text (answers/cluster/options.json)
            version.json                   | /data/version     | 9               | answers gave no Proxmox VE version (GET /version said {"release":"9.0","repoid":"deb1ca707ec72a89","version":9})
            """)
    void aValueOfAnotherTypeIsAnErrorThatSaysWhere(String file, String pointer, String json, String message)
            throws Exception {
        copy(Path.of("src/test/resources/pve/pve9-single"), "");
        Path path = dir.resolve(file);
        JsonNode answer = JSON.readTree(path.toFile());
        JsonPointer at = JsonPointer.compile(pointer);
        JsonNode parent = answer.at(at.head());
        if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(at.last().getMatchingProperty()), JSON.readTree(json));
        } else {
            ((ObjectNode) parent).set(at.last().getMatchingProperty(), JSON.readTree(json));
        }
        JSON.writeValue(path.toFile(), answer);
        assertThatThrownBy(() -> SiteDraft.read(new RecordedPveApi(dir, "answers"), Optional.empty()))
                .isInstanceOf(PveApiException.class).hasMessage(message);
    }

    /** A message shows the cluster's text escaped: a name cannot move a terminal's cursor or add a line. */
    @Test
    void aMessageShowsTheClustersTextEscaped() throws Exception {
        copy(Path.of("src/test/resources/pve/pve9-single"), "");
        Path config = dir.resolve("nodes/pve/qemu/201/config.json");
        Files.writeString(config, Files.readString(config).replace("\"cores\": 4", "\"cores\": \"\\u001b[2J\\n4\""));
        Path resources = dir.resolve("cluster/resources.json");
        Files.writeString(resources, Files.readString(resources).replace("\"name\": \"plex\"", "\"name\": \"p\\u001b]0;x\\u0007\\nlex\""));
        assertThatThrownBy(() -> SiteDraft.read(new RecordedPveApi(dir, "answers"), Optional.empty()))
                .isInstanceOf(PveApiException.class)
                .hasMessage("VM 201 (p\\u001b]0;x\\u0007\\u000alex): cores is \"\\u001b[2J\\u000a4\", not a whole number"
                        + " (answers/nodes/pve/qemu/201/config.json)");
    }

    /** Copies the recorded cluster into the test's folder, but the files under {@code leftOut}. */
    private void copy(Path recorded, String leftOut) throws Exception {
        try (Stream<Path> files = Files.walk(recorded)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String relative = recorded.relativize(file).toString();
                if (leftOut.isEmpty() || !relative.startsWith(leftOut)) {
                    Path target = dir.resolve(relative);
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target);
                }
            }
        }
    }
}
