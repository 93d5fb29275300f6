package dev.sitec.adopt;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Saved responses are untrusted (a bug report's attachment, a folder edited by hand): no name in them
 * leads a read out of their folder, no link in the folder is followed, and each file is read within
 * the bounds a site file is, with an error that names the file.
 */
class RecordedPveApiTest {

    @TempDir
    Path dir;

    private Path answers() throws Exception {
        Path answers = dir.resolve("answers");
        Path recorded = Path.of("src/test/resources/pve/pve9-single");
        try (Stream<Path> files = Files.walk(recorded)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = answers.resolve(recorded.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
        return answers;
    }

    /** A file outside the answers where a node named ../../outside_pve would lead. */
    private void bait() throws Exception {
        Path outside = Files.createDirectories(dir.resolve("outside_pve"));
        Files.writeString(outside.resolve("network.json"), "{\"data\": []}");
    }

    @Test
    void aNodeNameThatIsAPathIsRefusedAndNothingOutsideIsRead() throws Exception {
        Path answers = answers();
        bait();
        Path resources = answers.resolve("cluster/resources.json");
        Files.writeString(resources, Files.readString(resources).replace("\"node\": \"pve\"", "\"node\": \"../../outside_pve\""));
        assertThatThrownBy(() -> SiteDraft.read(new RecordedPveApi(answers, "answers"), Optional.empty()))
                .isInstanceOf(PveApiException.class)
                .hasMessage("a node's name is \"../../outside_pve\", not a node name PVE allows (letters, digits and '-',"
                        + " at most 63): import reads each node's answers by its name, and refuses this one"
                        + " (answers/cluster/resources.json)");
    }

    @Test
    void noPathLeavesTheFolderWhateverAsksForIt() throws Exception {
        Path answers = answers();
        bait();
        RecordedPveApi api = new RecordedPveApi(answers, "answers");
        for (String path : new String[] {"nodes/../../outside_pve/network", "nodes/pve/../../../outside_pve/network",
                "/outside_pve/network", "nodes/.hidden/network", "nodes/a\\b/network", "nodes/pve\u0000/network", ""}) {
            assertThatThrownBy(() -> api.find(path)).as(path).isInstanceOf(PveApiException.class)
                    .hasMessageStartingWith("import was to read ");
        }
    }

    @Test
    void noLinkInTheFolderIsFollowed() throws Exception {
        Path answers = answers();
        bait();
        Files.delete(answers.resolve("nodes/pve/network.json"));
        Files.createSymbolicLink(answers.resolve("nodes/pve/network.json"), dir.resolve("outside_pve/network.json"));
        RecordedPveApi api = new RecordedPveApi(answers, "answers");
        assertThatThrownBy(() -> api.get("nodes/pve/network")).isInstanceOf(PveApiException.class)
                .hasMessage("answers/nodes/pve/network.json is a symbolic link, and import follows none in saved"
                        + " responses (it could lead out of answers)");
        // A linked folder on the way is refused the same.
        Files.createSymbolicLink(answers.resolve("nodes/elsewhere"), dir.resolve("outside_pve"));
        assertThatThrownBy(() -> api.get("nodes/elsewhere/network")).isInstanceOf(PveApiException.class)
                .hasMessageStartingWith("answers/nodes/elsewhere is a symbolic link");
    }

    @Test
    void aResponseNestedTooDeepIsAnErrorThatNamesTheFile() throws Exception {
        Path answers = answers();
        Files.writeString(answers.resolve("version.json"), "[".repeat(100_000) + "]".repeat(100_000));
        assertThatThrownBy(() -> new RecordedPveApi(answers, "answers").get("version"))
                .isInstanceOf(PveApiException.class)
                .hasMessage("answers/version.json nests deeper than 64 levels (line 1, column 65)");
    }

    @Test
    void aResponseLargerThanASiteFileMayBeIsRefusedUnread() throws Exception {
        Path answers = answers();
        try (RandomAccessFile file = new RandomAccessFile(answers.resolve("version.json").toFile(), "rw")) {
            file.setLength(282L * 1024 * 1024); // sparse: no disk, and never read
        }
        assertThatThrownBy(() -> new RecordedPveApi(answers, "answers").get("version"))
                .isInstanceOf(PveApiException.class)
                .hasMessage("answers/version.json is 295698432 bytes; sitec reads at most 4194304 bytes of a saved"
                        + " response, as of a site file");
    }

    @Test
    void aResponseOfTooManyValuesIsRefused() throws Exception {
        Path answers = answers();
        Files.writeString(answers.resolve("version.json"), "[" + "0,".repeat(300_000) + "0]");
        assertThatThrownBy(() -> new RecordedPveApi(answers, "answers").get("version"))
                .isInstanceOf(PveApiException.class)
                .hasMessageStartingWith("answers/version.json holds more than 300000 keys and values (line 1, column ");
    }

    @Test
    void textNoYamlFileCanHoldIsRefused() throws Exception {
        Path answers = answers();
        Files.writeString(answers.resolve("version.json"), "{\"data\": {\"version\": \"9.0\\ud800\"}}");
        assertThatThrownBy(() -> new RecordedPveApi(answers, "answers").get("version"))
                .isInstanceOf(PveApiException.class)
                .hasMessage("answers/version.json holds text that is not Unicode (half of a UTF-16 surrogate pair, which"
                        + " no YAML file can hold) (line 1, column 22)");
    }

    @Test
    void brokenJsonIsAnErrorThatNamesTheFile() throws Exception {
        Path answers = answers();
        Files.writeString(answers.resolve("version.json"), "{\"data\": ");
        assertThatThrownBy(() -> new RecordedPveApi(answers, "answers").get("version"))
                .isInstanceOf(PveApiException.class)
                .hasMessageStartingWith("answers/version.json is not JSON: ");
        Files.writeString(answers.resolve("version.json"), "");
        assertThatThrownBy(() -> new RecordedPveApi(answers, "answers").get("version"))
                .isInstanceOf(PveApiException.class).hasMessage("answers/version.json is empty");
    }
}
