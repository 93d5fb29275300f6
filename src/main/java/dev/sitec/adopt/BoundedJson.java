package dev.sitec.adopt;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sitec.load.LoadLimits;
import java.io.IOException;

/**
 * An API answer read within the bounds a site file is read with ({@link LoadLimits}): an answer nested
 * 100,000 deep or of 282 MB must be an error that names it, not a stack overflow or a full heap. It is
 * scanned once as a stream of tokens (no tree, little memory) for its nesting, its count of keys and
 * values, and text YAML cannot carry, and only then read as a tree. Its size is the caller's to bound:
 * a file is read whole, a network answer as it comes.
 */
final class BoundedJson {

    static final LoadLimits LIMITS = LoadLimits.DEFAULT;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory FACTORY = JSON.getFactory();

    private BoundedJson() {
    }

    /**
     * The answer as a tree.
     *
     * @param where what the answer is, for messages: the saved file, or the URL it came from
     * @param hint  how to get a good answer instead
     */
    static JsonNode parse(byte[] bytes, String where, String hint) throws PveApiException {
        try {
            scan(bytes, where, hint);
            JsonNode tree = JSON.readTree(bytes);
            if (tree == null || tree.isMissingNode()) {
                throw new PveApiException(where + " is empty", hint);
            }
            return tree;
        } catch (StreamConstraintsException e) {
            throw new PveApiException(where + " is beyond what sitec reads: " + Shown.escaped(e.getOriginalMessage()), hint);
        } catch (JsonProcessingException e) {
            throw new PveApiException(where + " is not JSON: " + Shown.escaped(e.getOriginalMessage()) + at(e.getLocation()),
                    hint);
        } catch (IOException e) {
            throw new PveApiException("cannot read " + where + ": " + e.getMessage(), hint);
        }
    }

    private static void scan(byte[] bytes, String where, String hint) throws IOException, PveApiException {
        int depth = 0;
        int values = 0;
        try (JsonParser parser = FACTORY.createParser(bytes)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    depth--;
                    continue;
                }
                if ((token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) && ++depth > LIMITS.maxDepth()) {
                    throw new PveApiException(where + " nests deeper than " + LIMITS.maxDepth() + " levels"
                            + at(parser.currentTokenLocation()), hint);
                }
                if (++values > LIMITS.maxNodes()) {
                    throw new PveApiException(where + " holds more than " + LIMITS.maxNodes() + " keys and values"
                            + at(parser.currentTokenLocation()), hint);
                }
                if ((token == JsonToken.FIELD_NAME || token == JsonToken.VALUE_STRING) && !unicode(parser.getText())) {
                    throw new PveApiException(where + " holds text that is not Unicode (half of a UTF-16 surrogate"
                            + " pair, which no YAML file can hold)" + at(parser.currentTokenLocation()), hint);
                }
            }
        }
    }

    /** Whether every surrogate in the text is half of a pair, as in any text PVE writes. */
    private static boolean unicode(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
