package dev.sitec.write;

import java.util.List;

/**
 * What a write did: files written (new or changed), left as they were, and deleted; and files no
 * longer generated that it left in place and no longer owns, as their bytes are not the ones sitec
 * wrote (or it recorded none).
 */
public record WriteReport(List<String> written, List<String> unchanged, List<String> deleted, List<String> disowned) {

    public WriteReport {
        written = List.copyOf(written);
        unchanged = List.copyOf(unchanged);
        deleted = List.copyOf(deleted);
        disowned = List.copyOf(disowned);
    }
}
