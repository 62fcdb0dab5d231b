package io.portbind.http.store;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the store reports about itself: its key count ({@code DBSIZE}) and the fields of its
 * {@code INFO} reply. A store may omit fields, so each is optional.
 */
public record StoreInfo(long keys, Map<String, String> fields) {

    /** Parses {@code INFO}'s {@code name:value} lines, skipping section headers and blank lines. */
    public static StoreInfo parse(long keys, String info) {
        Map<String, String> fields = new HashMap<>();
        for (String line : info.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && !line.startsWith("#")) {
                fields.put(line.substring(0, colon), line.substring(colon + 1).trim());
            }
        }
        return new StoreInfo(keys, fields);
    }

    public Optional<String> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    public Optional<Long> number(String name) {
        try {
            return field(name).map(Long::parseLong);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
