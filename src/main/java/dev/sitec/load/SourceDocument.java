package dev.sitec.load;

import com.fasterxml.jackson.databind.JsonNode;

/** A loaded site file: its JSON tree, and where every part of it came from. */
public record SourceDocument(String file, JsonNode root, SourceMap sources) {
}
