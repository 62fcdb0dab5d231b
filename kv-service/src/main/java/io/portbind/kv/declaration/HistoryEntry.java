package io.portbind.kv.declaration;

import java.util.Objects;

/** One line of a command's history: the version that changed it and what changed, in Redis's words. */
public record HistoryEntry(String version, String change) {

    /** Both parts are required. */
    public HistoryEntry {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(change, "change");
    }
}
