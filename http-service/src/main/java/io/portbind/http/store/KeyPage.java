package io.portbind.http.store;

import java.util.List;

/** One {@code SCAN} step: some keys and the cursor to continue from, {@code "0"} when the scan is complete. */
public record KeyPage(List<String> keys, String nextCursor) {
}
