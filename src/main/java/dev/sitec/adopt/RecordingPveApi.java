package dev.sitec.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads through another API and saves every answer as {@code DIR/PATH.json}, in the shape
 * {@link RecordedPveApi} reads back ({"data": ...}): a cluster read once can be imported again
 * offline, or attached to a bug report. The answers hold no secret: PVE masks passwords in them.
 * The paths are checked ({@link AnswerPath}), no link in DIR is followed and no file is written over,
 * so an answer is saved in DIR or not at all.
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

    @Override
    public String where(String path) {
        return api.where(path);
    }

    private JsonNode save(String path, JsonNode data) throws PveApiException {
        List<String> segments = AnswerPath.segments(path);
        JsonNode saved = data;
        if (path.endsWith("/subscription") && data.isObject()) {
            // A subscription's key is the one secret an answer may hold; import reads its status only.
            saved = ((ObjectNode) data.deepCopy()).without("key");
        }
        Path file = dir;
        try {
            Files.createDirectories(dir);
            for (String folder : segments.subList(0, segments.size() - 1)) {
                file = folder(file.resolve(folder));
            }
            file = file.resolve(segments.get(segments.size() - 1) + ".json");
            Object sorted = JSON.treeToValue(saved, Object.class);
            byte[] text = (JSON.writeValueAsString(Map.of("data", sorted)) + "\n").getBytes(StandardCharsets.UTF_8);
            // CREATE_NEW fails on any existing name, a link included: nothing is written over, or through a link.
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS)) {
                out.write(text);
            }
        } catch (FileAlreadyExistsException e) {
            throw new PveApiException("cannot save the answer to " + path + ": " + dir.relativize(file) + " exists in " + dir
                    + ", and --record never writes over a file", "give --record a new folder");
        } catch (IOException e) {
            throw new PveApiException("cannot save the answer to " + path + " in " + dir + ": " + e.getMessage(),
                    "give --record a folder you can write to");
        }
        return data;
    }

    /** A folder in DIR: made, or one that is there already; never a link. */
    private Path folder(Path folder) throws IOException, PveApiException {
        try {
            BasicFileAttributes attributes = Files.readAttributes(folder, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isDirectory()) {
                throw new PveApiException("cannot save answers in " + dir + ": " + dir.relativize(folder) + " is "
                        + (attributes.isSymbolicLink() ? "a symbolic link" : "not a folder")
                        + ", and --record follows no link and writes over nothing", "give --record a new folder");
            }
        } catch (NoSuchFileException e) {
            Files.createDirectory(folder);
        }
        return folder;
    }
}
