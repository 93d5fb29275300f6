package dev.sitec.adopt;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --record saves what import read, in the shape --from reads, and never a subscription key; in its
 * folder only, through no link, and over no file.
 */
class RecordingPveApiTest {

    @TempDir
    Path dir;

    @Test
    void savesAnswersSortedAndWithoutASubscriptionKey() throws Exception {
        Path live = Files.createDirectories(dir.resolve("live/nodes/pve"));
        Files.writeString(live.resolve("subscription.json"),
                "{\"data\":{\"status\":\"active\",\"key\":\"pve1c-0123456789\",\"level\":\"c\"}}");
        Path saved = dir.resolve("saved");
        PveApi api = new RecordingPveApi(new RecordedPveApi(dir.resolve("live"), "live"), saved);
        assertThat(api.get("nodes/pve/subscription").path("key").asText()).isEqualTo("pve1c-0123456789");
        assertThat(Files.readString(saved.resolve("nodes/pve/subscription.json")))
                .isEqualTo("{\n  \"data\" : {\n    \"level\" : \"c\",\n    \"status\" : \"active\"\n  }\n}\n");
        assertThat(new RecordedPveApi(saved, "saved").get("nodes/pve/subscription").path("status").asText())
                .isEqualTo("active");
    }

    /** A cluster that answers every path, with one small object. */
    private static final PveApi ANY = new PveApi() {
        @Override
        public JsonNode get(String path) {
            return JsonNodeFactory.instance.objectNode().put("answer", path);
        }

        @Override
        public Optional<JsonNode> find(String path) {
            return Optional.of(get(path));
        }

        @Override
        public String source() {
            return "https://pve.invalid:8006";
        }

        @Override
        public String where(String path) {
            return source() + "/api2/json/" + path;
        }
    };

    @Test
    void aPathFromTheClusterNeverLeadsOutOfTheFolder() throws Exception {
        Path saved = dir.resolve("answers/saved");
        PveApi api = new RecordingPveApi(ANY, saved);
        assertThatThrownBy(() -> api.get("nodes/../../outside_pve/network")).isInstanceOf(PveApiException.class)
                .hasMessageStartingWith("import was to read \"nodes/../../outside_pve/network\", whose part \"..\" is not"
                        + " a name PVE gives");
        assertThat(dir.resolve("answers/outside_pve")).doesNotExist();
        assertThat(files()).isEmpty();
    }

    @Test
    void noLinkInTheFolderIsFollowed() throws Exception {
        Path saved = Files.createDirectories(dir.resolve("saved"));
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.createSymbolicLink(saved.resolve("nodes"), outside);
        assertThatThrownBy(() -> new RecordingPveApi(ANY, saved).get("nodes/pve/network"))
                .isInstanceOf(PveApiException.class)
                .hasMessage("cannot save answers in " + saved + ": nodes is a symbolic link, and --record follows no link"
                        + " and writes over nothing");
        Files.createSymbolicLink(saved.resolve("version.json"), outside.resolve("version.json"));
        assertThatThrownBy(() -> new RecordingPveApi(ANY, saved).get("version")).isInstanceOf(PveApiException.class)
                .hasMessage("cannot save the answer to version: version.json exists in " + saved + ", and --record never"
                        + " writes over a file");
        try (Stream<Path> written = Files.list(outside)) {
            assertThat(written).isEmpty();
        }
    }

    @Test
    void noFileIsWrittenOver() throws Exception {
        Path saved = Files.createDirectories(dir.resolve("saved"));
        Files.writeString(saved.resolve("version.json"), "mine");
        assertThatThrownBy(() -> new RecordingPveApi(ANY, saved).get("version")).isInstanceOf(PveApiException.class)
                .hasMessageEndingWith(", and --record never writes over a file");
        assertThat(saved.resolve("version.json")).hasContent("mine");
    }

    private java.util.List<Path> files() throws Exception {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).toList();
        }
    }
}
