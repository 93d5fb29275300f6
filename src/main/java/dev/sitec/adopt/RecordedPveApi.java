package dev.sitec.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Optional;

/**
 * Saved API responses, one file per GET: {@code DIR/nodes/pve1/qemu/101/config.json} answers
 * {@code GET /api2/json/nodes/pve1/qemu/101/config}. A file holds the API's answer ({"data": ...})
 * or what {@code pvesh get PATH --output-format json} prints (the data alone).
 *
 * <p>The folder may come from anyone (a bug report's attachment): no link in it is followed, so no
 * answer is read from outside it, and each file is read within the bounds a site file is
 * ({@link BoundedJson}).
 */
public final class RecordedPveApi implements PveApi {

    private final Path dir;
    private final String shownAs;

    public RecordedPveApi(Path dir, String shownAs) {
        this.dir = dir;
        this.shownAs = shownAs;
    }

    @Override
    public JsonNode get(String path) throws PveApiException {
        Optional<JsonNode> answer = find(path);
        if (answer.isEmpty()) {
            throw new PveApiException("the saved responses in " + shownAs + " have no " + path + ".json (GET /api2/json/"
                    + path + ")", "save it with: pvesh get /" + path + " --output-format json > " + where(path));
        }
        return answer.get();
    }

    @Override
    public Optional<JsonNode> find(String path) throws PveApiException {
        Optional<byte[]> bytes = read(path);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        JsonNode node = BoundedJson.parse(bytes.get(), where(path), "save it again with: pvesh get /" + path
                + " --output-format json > " + where(path));
        boolean envelope = node.isObject() && node.size() == 1 && node.has("data");
        return Optional.of(envelope ? node.get("data") : node);
    }

    @Override
    public String source() {
        return shownAs;
    }

    @Override
    public String where(String path) {
        return shownAs + "/" + path + ".json";
    }

    /** The file's bytes, empty when there is none; never through a link, never more than a site file's bound. */
    private Optional<byte[]> read(String path) throws PveApiException {
        List<String> segments = AnswerPath.segments(path);
        Path file = dir;
        try {
            for (int i = 0; i < segments.size(); i++) {
                boolean last = i == segments.size() - 1;
                file = file.resolve(segments.get(i) + (last ? ".json" : ""));
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                if (attributes.isSymbolicLink()) {
                    throw new PveApiException(shownAs + "/" + dir.relativize(file) + " is a symbolic link, and import"
                            + " follows none in saved responses (it could lead out of " + shownAs + ")",
                            "put the file it points to in its place (cp --dereference), or save the responses again");
                }
                if (!last && !attributes.isDirectory()) {
                    return Optional.empty();
                }
                if (last && !attributes.isRegularFile()) {
                    throw new PveApiException(where(path) + " is not a file", "save the response there as a file");
                }
                if (last && attributes.size() > BoundedJson.LIMITS.maxBytes()) {
                    throw new PveApiException(where(path) + " is " + attributes.size() + " bytes; sitec reads at most "
                            + BoundedJson.LIMITS.maxBytes() + " bytes of a saved response, as of a site file",
                            "save it again with: pvesh get /" + path + " --output-format json > " + where(path));
                }
            }
            // The size was checked above; reading one byte more tells a file that grew since.
            try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                byte[] bytes = in.readNBytes(BoundedJson.LIMITS.maxBytes() + 1);
                if (bytes.length > BoundedJson.LIMITS.maxBytes()) {
                    throw new PveApiException(where(path) + " grew past " + BoundedJson.LIMITS.maxBytes()
                            + " bytes while it was read", "import from a folder nothing writes to");
                }
                return Optional.of(bytes);
            }
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new PveApiException("cannot read " + where(path) + ": " + e.getMessage(), "check the folder's permissions");
        }
    }
}
