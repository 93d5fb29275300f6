package dev.sitec.validate;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.diagnostic.Hints;
import dev.sitec.diagnostic.Quote;
import dev.sitec.diagnostic.SourceLocation;
import dev.sitec.load.SourceDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Checks a site document against {@code schema/site.schema.json} and turns every schema error into
 * a diagnostic at the YAML position of what it is about, worded for the person who wrote the file.
 */
public final class SchemaValidator {

    private static final String SCHEMA_RESOURCE = "/sitec/schema/site.schema.json";

    private final JsonNode schemaTree;
    private final Schema schema;

    public SchemaValidator() {
        try (InputStream in = SchemaValidator.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the site schema is missing from the jar: " + SCHEMA_RESOURCE);
            }
            schemaTree = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schemaTree);
    }

    /**
     * Schema errors collected before validation stops: a file of a hundred thousand broken entries
     * would otherwise spend seconds and hundreds of megabytes describing errors nobody reads (the CLI
     * prints the first hundred).
     */
    public static final int MAX_ERRORS = 1000;

    /** Stops the validator at the error past the cap (thrown out of its error list). */
    private static final class Enough extends RuntimeException {
        Enough() {
            super(null, null, false, false);
        }
    }

    /** The validator's error list, full at {@link #MAX_ERRORS}. */
    private static final class CappedErrors extends ArrayList<Error> {
        @Override
        public boolean add(Error error) {
            if (size() >= MAX_ERRORS) {
                throw new Enough();
            }
            return super.add(error);
        }
    }

    public List<Diagnostic> validate(SourceDocument document) {
        CappedErrors errors = new CappedErrors();
        boolean stopped = false;
        try {
            schema.validate(document.root(), (java.util.function.Consumer<com.networknt.schema.ExecutionContext>)
                    context -> context.setErrors(errors));
        } catch (Enough e) {
            stopped = true;
        }
        // One error per place and kind: a failing `if/then` or `allOf` can report the same thing twice.
        Map<String, Diagnostic> unique = new LinkedHashMap<>();
        for (Error error : errors) {
            Diagnostic diagnostic = describe(error, document);
            unique.putIfAbsent(diagnostic.location() + diagnostic.message(), diagnostic);
        }
        List<Diagnostic> all = new ArrayList<>(unique.values());
        all.sort(Diagnostic.IN_SOURCE_ORDER);
        if (stopped) {
            all.add(Diagnostic.error(new SourceLocation(document.file(), 1, 1), "checking stopped after "
                    + MAX_ERRORS + " schema errors").withHint("fix these and run again"));
        }
        return all;
    }

    private Diagnostic describe(Error error, SourceDocument document) {
        JsonPointer at = pointer(error.getInstanceLocation());
        String where = display(at);
        String keyword = error.getKeyword() == null ? "" : error.getKeyword();
        JsonNode value = error.getInstanceNode();
        switch (keyword) {
            case "additionalProperties": {
                String key = error.getProperty();
                JsonPointer keyAt = at.appendProperty(key);
                Diagnostic d = Diagnostic.error(document.sources().key(keyAt),
                        "unknown key '" + Quote.of(key) + "'" + (where.isEmpty() ? "" : " in " + where));
                TreeSet<String> allowed = allowedKeys(error.getSchemaLocation());
                return d.withHint(allowed.isEmpty() ? null : Hints.didYouMean(key, allowed, "keys here").orElse(null));
            }
            case "required": {
                String key = error.getProperty();
                return Diagnostic.error(document.sources().key(at),
                        (where.isEmpty() ? "the file" : where) + " is missing the required key '" + key + "'");
            }
            case "dependentRequired": {
                // e.g. boot_disks without mac: the installer answer needs all of them.
                // networknt reports the present key as the property, the missing one as the first argument.
                String because = error.getProperty();
                Object[] args = error.getArguments();
                String key = args != null && args.length > 0 ? String.valueOf(args[0]) : "";
                return Diagnostic.error(document.sources().key(at), (where.isEmpty() ? "the file" : where)
                        + " is missing the key '" + key + "', which '" + because + "' needs")
                        .withHint(dependentHint(at, key, because));
            }
            case "propertyNames": {
                String name = error.getProperty();
                return Diagnostic.error(document.sources().key(at.appendProperty(name)),
                        "'" + Quote.of(name) + "' is not a valid name" + (where.isEmpty() ? "" : " in " + where))
                        .withHint(describedAt(error.getSchemaLocation()).map(SchemaValidator::lowerFirst)
                                .map(d -> "expected " + d).orElse(null));
            }
            case "type": {
                SourceLocation location = document.sources().value(at);
                String expected = schemaType(error);
                Diagnostic d = Diagnostic.error(location,
                        where + " must be " + article(expected) + ", not " + describeValue(value));
                if ("string".equals(expected) && value != null && value.isValueNode()) {
                    return d.withHint("put the value in quotes: \"" + Quote.of(value.asText()) + "\"");
                }
                return d;
            }
            case "enum":
            case "const": {
                List<String> allowed = new ArrayList<>();
                JsonNode options = error.getSchemaNode();
                if (options != null && options.isArray()) {
                    options.forEach(o -> allowed.add(o.asText()));
                } else if (options != null) {
                    allowed.add(options.asText());
                }
                Diagnostic d = Diagnostic.error(document.sources().value(at),
                        where + " must be " + (allowed.size() == 1 ? "'" + allowed.get(0) + "'"
                                : "one of " + String.join(", ", allowed)) + ", not " + describeValue(value));
                return value != null && value.isTextual()
                        ? d.withHint(Hints.closest(value.asText(), allowed).map(c -> "did you mean '" + c + "'?").orElse(null))
                        : d;
            }
            case "pattern":
            case "format": {
                String description = describedAt(parentOf(error.getSchemaLocation(), 1)).orElse("");
                Diagnostic d = Diagnostic.error(document.sources().value(at),
                        where + " has an invalid value " + describeValue(value));
                return description.isEmpty() ? d : d.withHint("expected " + lowerFirst(description));
            }
            case "minimum":
            case "maximum":
            case "exclusiveMinimum":
            case "exclusiveMaximum":
                return Diagnostic.error(document.sources().value(at),
                        where + " is " + describeValue(value) + ", but must be "
                                + (keyword.startsWith("min") || keyword.startsWith("exclusiveMin") ? "at least " : "at most ")
                                + error.getSchemaNode().asText());
            case "minItems":
                return Diagnostic.error(document.sources().value(at),
                        where + " needs at least " + items(error.getSchemaNode().asText()));
            case "maxItems":
                return Diagnostic.error(document.sources().value(at),
                        where + " takes at most " + items(error.getSchemaNode().asText()));
            case "minProperties":
                return Diagnostic.error(document.sources().value(at),
                        where + " needs at least " + error.getSchemaNode().asText() + " entr" + ("1".equals(error.getSchemaNode().asText()) ? "y" : "ies"));
            case "maxProperties":
                return Diagnostic.error(document.sources().value(at),
                        where + " takes at most " + error.getSchemaNode().asText() + " entr" + ("1".equals(error.getSchemaNode().asText()) ? "y" : "ies"));
            case "uniqueItems":
                return Diagnostic.error(document.sources().value(at), where + " lists the same item twice");
            case "false": {
                String key = lastSegment(at);
                String parent = at.head() == null ? "" : display(at.head());
                return Diagnostic.error(document.sources().key(at), "'" + key + "' is not allowed "
                        + (parent.isEmpty() ? "here" : "in " + parent))
                        .withHint(propertyDescription(error.getSchemaLocation(), key).map(d -> key + ": " + d).orElse(null));
            }
            default:
                return Diagnostic.error(document.sources().value(at), (where.isEmpty() ? "" : where + ": ")
                        + stripPath(error.getMessage()));
        }
    }

    /** "1 item", "2 items". */
    private static String items(String count) {
        return count + ("1".equals(count) ? " item" : " items");
    }

    /** How to satisfy a dependency: hosts and datastores say which two shapes they come in. */
    private static String dependentHint(JsonPointer at, String key, String because) {
        String path = display(at);
        if (path.startsWith("proxmox.clusters.") || path.startsWith("proxmox.backup_servers.")) {
            if (!path.contains(".datastores.")) {
                return "sitec installs a host that has mac, interface and boot_disks; leave out mac and boot_disks"
                        + " for a host that is installed already";
            }
        }
        return "add '" + key + "', or remove '" + because + "'";
    }

    private static JsonPointer pointer(NodePath path) {
        JsonPointer at = JsonPointer.empty();
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            at = element instanceof Integer index ? at.appendIndex(index) : at.appendProperty(String.valueOf(element));
        }
        return at;
    }

    /** A pointer as the user reads it in YAML terms: {@code vms.k3s-cp-1.disks[0].size_gib}. */
    static String display(JsonPointer at) {
        StringBuilder out = new StringBuilder();
        for (JsonPointer p = at; p != null && !p.matches(); p = p.tail()) {
            if (p.mayMatchElement()) {
                out.append('[').append(p.getMatchingIndex()).append(']');
            } else {
                out.append(out.length() == 0 ? "" : ".").append(Quote.of(p.getMatchingProperty()));
            }
        }
        return out.toString();
    }

    private static String lastSegment(JsonPointer at) {
        return at.last() == null ? "" : at.last().getMatchingProperty();
    }

    private TreeSet<String> allowedKeys(SchemaLocation additionalPropertiesAt) {
        TreeSet<String> keys = new TreeSet<>();
        resolve(parentOf(additionalPropertiesAt, 1)).map(s -> s.get("properties"))
                .ifPresent(properties -> properties.fieldNames().forEachRemaining(keys::add));
        return keys;
    }

    private Optional<String> describedAt(SchemaLocation location) {
        return resolve(location).map(s -> s.get("description")).map(JsonNode::asText)
                .or(() -> resolve(location).map(s -> s.get("$ref")).map(JsonNode::asText)
                        .flatMap(ref -> Optional.ofNullable(schemaTree.at(ref.substring(1)).get("description")))
                        .map(JsonNode::asText));
    }

    /** The description of {@code key} in the nearest enclosing schema that declares it. */
    private Optional<String> propertyDescription(SchemaLocation location, String key) {
        NodePath fragment = location.getFragment();
        for (NodePath at = fragment; at != null; at = at.getParent()) {
            JsonNode described = schemaTree.at(pointer(at)).path("properties").path(key).path("description");
            if (described.isTextual()) {
                return Optional.of(described.asText());
            }
        }
        return Optional.empty();
    }

    private Optional<JsonNode> resolve(SchemaLocation location) {
        if (location == null) {
            return Optional.empty();
        }
        JsonNode node = schemaTree.at(pointer(location.getFragment()));
        return node.isMissingNode() ? Optional.empty() : Optional.of(node);
    }

    private static SchemaLocation parentOf(SchemaLocation location, int levels) {
        NodePath fragment = location.getFragment();
        for (int i = 0; i < levels && fragment.getParent() != null; i++) {
            fragment = fragment.getParent();
        }
        return new SchemaLocation(location.getAbsoluteIri(), fragment);
    }

    private String schemaType(Error error) {
        JsonNode type = error.getSchemaNode();
        if (type != null && type.isTextual()) {
            return type.asText();
        }
        if (type != null && type.isArray() && type.size() > 0) {
            return type.get(0).asText();
        }
        return "something else";
    }

    private static String article(String type) {
        switch (type) {
            case "object":
                return "a map";
            case "array":
                return "a list";
            case "integer":
                return "a whole number";
            case "boolean":
                return "true or false";
            default:
                return "a " + type;
        }
    }

    private static String describeValue(JsonNode value) {
        if (value == null || value.isNull()) {
            return "empty";
        }
        if (value.isObject()) {
            return "a map";
        }
        if (value.isArray()) {
            return "a list";
        }
        if (value.isTextual()) {
            return "'" + Quote.of(value.asText()) + "'";
        }
        return value.asText();
    }

    /** Lowers a description's first letter to follow "expected", but not an acronym's (DNS, IPv4). */
    static String lowerFirst(String text) {
        if (text.isEmpty() || (text.length() > 1 && Character.isUpperCase(text.charAt(1)))) {
            return text;
        }
        return Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    private static String stripPath(String message) {
        int colon = message.indexOf(": ");
        return colon > 0 && !message.substring(0, colon).contains(" ") ? message.substring(colon + 2) : message;
    }
}
