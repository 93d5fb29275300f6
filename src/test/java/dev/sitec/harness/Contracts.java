package dev.sitec.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The vendored contracts of the real tools (src/test/resources/contracts, see its README). */
final class Contracts {

    private Contracts() {
    }

    static InputStream open(String path) {
        InputStream in = Contracts.class.getResourceAsStream("/contracts/" + path);
        if (in == null) {
            throw new IllegalStateException("vendored contract missing: contracts/" + path);
        }
        return in;
    }

    static JsonNode json(String path) {
        try (InputStream in = open(path)) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
