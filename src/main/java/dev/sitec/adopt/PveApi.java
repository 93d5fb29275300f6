package dev.sitec.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** The part of the Proxmox VE API import reads: GET requests, by path under /api2/json/. */
public interface PveApi {

    /** The {@code data} of {@code GET /api2/json/PATH}. */
    JsonNode get(String path) throws PveApiException;

    /**
     * The same, for a call that may have no answer in a healthy cluster (a guest agent that is not
     * running, a mapping endpoint an older PVE lacks): empty then, an error only when it is refused.
     */
    Optional<JsonNode> find(String path) throws PveApiException;

    /** Where the answers come from, for messages: the API's URL or the folder of saved responses. */
    String source();

    /** Where the answer to one path comes from, for messages: its URL, or its saved file. */
    String where(String path);
}
