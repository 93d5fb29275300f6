package dev.sitec.adopt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --record saves what import read, in the shape --from reads, and never a subscription key. */
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
}
