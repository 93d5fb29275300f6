package dev.sitec.load;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A loaded site file: its JSON tree, where every part of it came from, and its text (which
 * {@code generate} records beside the tree, for {@code plan} to compare the next edit with).
 */
public record SourceDocument(String file, JsonNode root, SourceMap sources, String text) {
}
