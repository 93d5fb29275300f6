package dev.sitec.adopt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Saved API responses, one file per GET: {@code DIR/nodes/pve1/qemu/101/config.json} answers
 * {@code GET /api2/json/nodes/pve1/qemu/101/config}. A file holds the API's answer ({"data": ...})
 * or what {@code pvesh get PATH --output-format json} prints (the data alone).
 */
public final class RecordedPveApi implements PveApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final String shownAs;

    public RecordedPveApi(Path dir, String shownAs) {
        this.dir = dir;
        this.shownAs = shownAs;
    }

    @Override
    public JsonNode get(String path) throws PveApiException {
        return find(path).orElseThrow(() -> new PveApiException("the saved responses in " + shownAs + " have no "
                + path + ".json (GET /api2/json/" + path + ")",
                "save it with: pvesh get /" + path + " --output-format json > " + shownAs + "/" + path + ".json"));
    }

    @Override
    public Optional<JsonNode> find(String path) throws PveApiException {
        Path file = dir.resolve(path + ".json");
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new PveApiException("cannot read " + shownAs + "/" + path + ".json: " + e.getMessage(),
                    "check the folder's permissions");
        }
        try {
            JsonNode node = JSON.readTree(text);
            boolean envelope = node != null && node.isObject() && node.size() == 1 && node.has("data");
            return Optional.ofNullable(envelope ? node.get("data") : node);
        } catch (JsonProcessingException e) {
            throw new PveApiException(shownAs + "/" + path + ".json is not JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ")", "save it again with pvesh get /" + path
                    + " --output-format json");
        }
    }

    @Override
    public String source() {
        return shownAs;
    }
}
