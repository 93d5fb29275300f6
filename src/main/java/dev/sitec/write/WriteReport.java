package dev.sitec.write;

import java.util.List;

/** What a write did: files written (new or changed), left as they were, and deleted. */
public record WriteReport(List<String> written, List<String> unchanged, List<String> deleted) {

    public WriteReport {
        written = List.copyOf(written);
        unchanged = List.copyOf(unchanged);
        deleted = List.copyOf(deleted);
    }
}
