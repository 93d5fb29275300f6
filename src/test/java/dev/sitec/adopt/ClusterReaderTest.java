package dev.sitec.adopt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What import does with a cluster that is not whole: an offline node, whose own paths answer nothing. */
class ClusterReaderTest {

    @TempDir
    Path dir;

    @Test
    void theGuestsOfAnOfflineNodeAreNotAdoptedAndTheRestAre() throws Exception {
        Path recorded = Path.of("src/test/resources/pve/pve8-home");
        try (Stream<Path> files = Files.walk(recorded)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = dir.resolve(recorded.relativize(file).toString());
                // pve-c is down: PVE proxies its paths to it, so none of them answers.
                if (!recorded.relativize(file).toString().startsWith("nodes/pve-c/")) {
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target);
                }
            }
        }
        Path resources = dir.resolve("cluster/resources.json");
        Files.writeString(resources, Files.readString(resources).replace(
                "\"node\": \"pve-c\",\n   \"status\": \"online\"", "\"node\": \"pve-c\",\n   \"status\": \"offline\""));
        DraftView draft = SiteDraft.read(new RecordedPveApi(dir, "answers"), Optional.empty());
        assertThat(draft.vms()).extracting(DraftView.Vm::name).containsExactly("k3s-1", "nas", "win11-desktop");
        assertThat(draft.nodes()).extracting(DraftView.Node::name).containsExactly("pve-a", "pve-b", "pve-c");
        assertThat(draft.unexpressed()).contains("not adopted: VM 104 (legacy): its node pve-c is offline, so its"
                + " configuration cannot be read; import again once it is up");
    }
}
