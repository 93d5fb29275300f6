package dev.sitec.adopt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What import does with a cluster that is not whole (an offline node, whose own paths answer nothing)
 * and with answers it cannot read (edited by hand): the rest is adopted, or a clear error, never a trace.
 */
class ClusterReaderTest {

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
                .hasMessage("the configuration of VM 201 (plex) from answers has a value sitec import cannot read"
                        + " (NumberFormatException: For input string: \"jumbo\")");
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
