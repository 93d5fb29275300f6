package dev.sitec.load;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.diagnostic.Quote;
import dev.sitec.diagnostic.InvalidInputException;
import dev.sitec.diagnostic.SourceLocation;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads site.yaml into a JSON tree with the position of every key and value.
 *
 * <p>YAML is composed with the YAML 1.2 core schema (so {@code no} and {@code 12:34} stay strings),
 * every duplicate key is reported rather than silently overwritten, and alias expansion, nesting and
 * file size are bounded.
 */
public final class SiteLoader {

    private final LoadLimits limits;

    public SiteLoader() {
        this(LoadLimits.DEFAULT);
    }

    public SiteLoader(LoadLimits limits) {
        this.limits = limits;
    }

    public SourceDocument load(Path path, String displayName) throws InvalidInputException {
        byte[] bytes;
        try {
            long size = Files.size(path);
            if (size > limits.maxBytes()) {
                throw single(displayName, 1, 1, displayName + " is " + size + " bytes; sitec reads at most "
                        + limits.maxBytes() + " bytes", null);
            }
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw single(displayName, 1, 1, "cannot read " + displayName + ": no such file",
                    "run sitec in the folder that holds site.yaml, or name the file with -f");
        } catch (IOException e) {
            throw single(displayName, 1, 1, "cannot read " + displayName + ": " + e.getMessage(), null);
        }
        return parse(decode(bytes, displayName), displayName);
    }

    public SourceDocument parse(String text, String displayName) throws InvalidInputException {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(displayName)
                .setSchema(new CoreSchema())
                .setAllowDuplicateKeys(true) // reported below, all of them, with both positions
                .setAllowRecursiveKeys(false)
                .setMaxAliasesForCollections(limits.maxAliasesForCollections())
                .setCodePointLimit(limits.maxBytes())
                .setUseMarks(true)
                // The whole text in one buffer: with the default 1 KiB one, snakeyaml-engine's StreamReader
                // copies what is left of its window each time a token needs more, which is quadratic in
                // the length of one long scalar (3 MB took 5 s, 15 MB three minutes).
                .setBufferSize(text.length() + 1)
                .build();
        List<Node> documents = new ArrayList<>();
        try {
            Composer all = new Composer(settings, new BoundedParser(settings, text, limits.maxDepth(), limits.maxNodes()));
            while (all.hasNext()) {
                documents.add(all.next());
            }
        } catch (BoundedParser.TooDeep e) {
            throw single(displayName, line(e.mark()), column(e.mark()), "document nests deeper than " + limits.maxDepth()
                    + " levels", null);
        } catch (BoundedParser.TooMany e) {
            throw single(displayName, line(e.mark()), column(e.mark()), "document holds more than " + limits.maxNodes()
                    + " keys and values", "a site this large is beyond what sitec is built for; split it, or report it");
        } catch (MarkedYamlEngineException e) {
            throw new InvalidInputException(List.of(YamlSyntax.describe(displayName, text, e)));
        } catch (YamlEngineException e) {
            throw single(displayName, 1, 1, "invalid YAML: " + e.getMessage(), null);
        }
        if (documents.isEmpty()) {
            throw single(displayName, 1, 1, displayName + " is empty", "start from the reference site.yaml");
        }
        if (documents.size() > 1) {
            Mark second = documents.get(1).getStartMark().orElse(null);
            throw single(displayName, line(second), column(second),
                    displayName + " holds more than one YAML document", "remove the '---' separator");
        }
        // Measured on the composed graph before anything is expanded: aliases multiply, memory does not.
        ExpandedSize size = new ExpandedSize(limits.maxNodes());
        if (size.of(documents.get(0)) > limits.maxNodes()) {
            Mark at = size.culprit(documents.get(0)).getStartMark().orElse(null);
            throw single(displayName, line(at), column(at), "document expands to more than " + limits.maxNodes() + " values",
                    "check YAML aliases (*name) that repeat large or recursive parts");
        }
        Converter converter = new Converter(displayName);
        JsonNode root = converter.convert(documents.get(0), JsonPointer.empty(), 0);
        if (!converter.diagnostics.isEmpty()) {
            throw new InvalidInputException(converter.diagnostics);
        }
        return new SourceDocument(displayName, root,
                new SourceMap(displayName, converter.values, converter.keys), text);
    }

    private static String decode(byte[] bytes, String displayName) throws InvalidInputException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw single(displayName, 1, 1, displayName + " is not valid UTF-8", "save the file as UTF-8");
        }
    }

    private static InvalidInputException single(String file, int line, int column, String message, String hint) {
        return new InvalidInputException(List.of(
                Diagnostic.error(new SourceLocation(file, line, column), message).withHint(hint)));
    }

    private static int line(Mark mark) {
        return mark == null ? 1 : mark.getLine() + 1;
    }

    private static int column(Mark mark) {
        return mark == null ? 1 : mark.getColumn() + 1;
    }

    /** Turns the composed YAML node graph into JSON nodes, recording positions as it goes. */
    private final class Converter {
        private final String file;
        private final Map<JsonPointer, SourceLocation> values = new HashMap<>();
        private final Map<JsonPointer, SourceLocation> keys = new HashMap<>();
        private final List<Diagnostic> diagnostics = new ArrayList<>();
        private int nodes;
        private boolean overLimit;

        Converter(String file) {
            this.file = file;
        }

        JsonNode convert(Node node, JsonPointer at, int depth) {
            if (overLimit) {
                return JsonNodeFactory.instance.nullNode();
            }
            SourceLocation location = locate(node);
            if (++nodes > limits.maxNodes() || depth > limits.maxDepth()) {
                // Aliases can multiply a small file into a huge tree ("billion laughs"), or nest it
                // without end; stop at the first node past the bound.
                overLimit = true;
                diagnostics.add(Diagnostic.error(location, depth > limits.maxDepth()
                        ? "document nests deeper than " + limits.maxDepth() + " levels"
                        : "document expands to more than " + limits.maxNodes() + " values")
                        .withHint("check YAML aliases (*name) that repeat large or recursive parts"));
                return JsonNodeFactory.instance.nullNode();
            }
            values.put(at, location);
            if (node instanceof MappingNode mapping) {
                return convertMapping(mapping, at, depth);
            }
            if (node instanceof SequenceNode sequence) {
                ArrayNode array = JsonNodeFactory.instance.arrayNode();
                int index = 0;
                for (Node item : sequence.getValue()) {
                    array.add(convert(item, at.appendIndex(index++), depth + 1));
                }
                return array;
            }
            return scalar((ScalarNode) node);
        }

        private ObjectNode convertMapping(MappingNode mapping, JsonPointer at, int depth) {
            ObjectNode object = JsonNodeFactory.instance.objectNode();
            Map<String, SourceLocation> seen = new HashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                SourceLocation keyLocation = locate(tuple.getKeyNode());
                if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                    diagnostics.add(Diagnostic.error(keyLocation, "a key must be a plain name, not a list or map"));
                    continue;
                }
                String key = keyNode.getValue();
                SourceLocation first = seen.putIfAbsent(key, keyLocation);
                if (first != null) {
                    diagnostics.add(Diagnostic.error(keyLocation, "duplicate key '" + Quote.of(key) + "'")
                            .withHint("'" + Quote.of(key) + "' is already defined at line " + first.line()
                                    + "; remove or rename one of them"));
                    continue;
                }
                JsonPointer child = at.appendProperty(key);
                keys.put(child, keyLocation);
                object.set(key, convert(tuple.getValueNode(), child, depth + 1));
            }
            return object;
        }

        private JsonNode scalar(ScalarNode scalar) {
            JsonNodeFactory json = JsonNodeFactory.instance;
            String text = scalar.getValue();
            Tag tag = scalar.getTag();
            if (Tag.NULL.equals(tag)) {
                return json.nullNode();
            }
            if (Tag.BOOL.equals(tag)) {
                return json.booleanNode(Boolean.parseBoolean(text.toLowerCase(java.util.Locale.ROOT)));
            }
            if (Tag.INT.equals(tag)) {
                return integer(text).<JsonNode>map(this::smallest).orElseGet(() -> json.textNode(text));
            }
            if (Tag.FLOAT.equals(tag)) {
                try {
                    return json.numberNode(new BigDecimal(text));
                } catch (NumberFormatException e) {
                    return json.textNode(text); // .inf and .nan: no site field is a float
                }
            }
            return json.textNode(text);
        }

        private Optional<BigInteger> integer(String text) {
            try {
                if (text.startsWith("0x")) {
                    return Optional.of(new BigInteger(text.substring(2), 16));
                }
                if (text.startsWith("0o")) {
                    return Optional.of(new BigInteger(text.substring(2), 8));
                }
                return Optional.of(new BigInteger(text.startsWith("+") ? text.substring(1) : text));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }

        private JsonNode smallest(BigInteger value) {
            JsonNodeFactory json = JsonNodeFactory.instance;
            if (value.bitLength() < 32) {
                return json.numberNode(value.intValue());
            }
            return value.bitLength() < 64 ? json.numberNode(value.longValue()) : json.numberNode(value);
        }

        private SourceLocation locate(Node node) {
            Mark mark = node.getStartMark().orElse(null);
            return new SourceLocation(file, line(mark), column(mark));
        }
    }
}
