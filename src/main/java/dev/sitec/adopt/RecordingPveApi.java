package dev.sitec.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Reads through another API and saves every answer as {@code DIR/PATH.json}, in the shape
 * {@link RecordedPveApi} reads back ({"data": ...}): a cluster read once can be imported again
 * offline, or attached to a bug report. The answers hold no secret: PVE masks passwords in them.
 */
public final class RecordingPveApi implements PveApi {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private final PveApi api;
    private final Path dir;

    public RecordingPveApi(PveApi api, Path dir) {
        this.api = api;
        this.dir = dir;
    }

    @Override
    public JsonNode get(String path) throws PveApiException {
        return save(path, api.get(path));
    }

    @Override
    public Optional<JsonNode> find(String path) throws PveApiException {
        Optional<JsonNode> answer = api.find(path);
        if (answer.isPresent()) {
            save(path, answer.get());
        }
        return answer;
    }

    @Override
    public String source() {
        return api.source();
    }

    private JsonNode save(String path, JsonNode data) throws PveApiException {
        Path file = dir.resolve(path + ".json");
        JsonNode saved = data;
        if (path.endsWith("/subscription") && data.isObject()) {
            // A subscription's key is the one secret an answer may hold; import reads its status only.
            saved = ((com.fasterxml.jackson.databind.node.ObjectNode) data.deepCopy()).without("key");
        }
        try {
            Files.createDirectories(file.getParent());
            Object sorted = JSON.treeToValue(saved, Object.class);
            Files.writeString(file, JSON.writeValueAsString(Map.of("data", sorted)) + "\n");
        } catch (IOException e) {
            throw new PveApiException("cannot save the answer to " + path + " in " + dir + ": " + e.getMessage(),
                    "give --record a folder you can write to");
        }
        return data;
    }
}
