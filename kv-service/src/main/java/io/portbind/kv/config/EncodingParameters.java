package io.portbind.kv.config;

import io.portbind.kv.keyspace.EncodingLimit;
import io.portbind.kv.table.ConfigEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Redis 7.0's tuning parameters that configuration files and client test suites set first thing, with Redis's
 * defaults, ziplist-era aliases and CONFIG SET errors. The encoding thresholds ({@link EncodingLimit}) decide what
 * OBJECT ENCODING says and what the RDB writer writes; the rest tune what this server does not have (list node
 * sizes and compression, stream node sizes, incremental rehashing, freeing in a background thread) and are kept
 * only to be shown back.
 */
final class EncodingParameters {

    private static final long INT_MAX = Integer.MAX_VALUE;

    private EncodingParameters() {
    }

    static List<ConfigEntry> all() {
        List<ConfigEntry> entries = new ArrayList<>();
        for (EncodingLimit limit : EncodingLimit.values()) {
            ConfigEntry.Setter setter = (call, text) -> limit.set(limit.kind() == EncodingLimit.Kind.BYTES
                    ? ConfigEntry.sizeInBytes(text) : ConfigEntry.integer(text, 0, Long.MAX_VALUE));
            entries.add(new ConfigEntry(limit.parameter(), () -> Long.toString(limit.get()), setter));
            if (limit.alias() != null) {
                entries.add(new ConfigEntry(limit.alias(), () -> Long.toString(limit.get()), setter));
            }
        }
        Map<String, String> kept = new ConcurrentHashMap<>();
        UnaryOperator<String> integerIntMin =
                text -> Long.toString(ConfigEntry.integer(text, Integer.MIN_VALUE, INT_MAX));
        kept(entries, kept, "-2", integerIntMin, "list-max-listpack-size", "list-max-ziplist-size");
        kept(entries, kept, "0", text -> Long.toString(ConfigEntry.integer(text, 0, INT_MAX)), "list-compress-depth");
        kept(entries, kept, "4096", text -> Long.toString(ConfigEntry.sizeInBytes(text)), "stream-node-max-bytes");
        kept(entries, kept, "100", text -> Long.toString(ConfigEntry.integer(text, 0, Long.MAX_VALUE)),
                "stream-node-max-entries");
        UnaryOperator<String> yesOrNo = text -> ConfigEntry.yesOrNo(text) ? "yes" : "no";
        kept(entries, kept, "yes", yesOrNo, "activerehashing");
        for (String lazy : List.of("lazyfree-lazy-eviction", "lazyfree-lazy-expire", "lazyfree-lazy-server-del",
                "lazyfree-lazy-user-del", "lazyfree-lazy-user-flush", "replica-lazy-flush")) {
            kept(entries, kept, "no", yesOrNo, lazy);
        }
        return entries;
    }

    /**
     * A parameter (and its aliases) whose value is only kept: {@code canonical} checks a new value, throwing CONFIG
     * SET's reason, and gives the text CONFIG GET shows ({@code 1kb} is shown as {@code 1024}, as Redis does).
     */
    private static void kept(List<ConfigEntry> entries, Map<String, String> values, String defaultValue,
                             UnaryOperator<String> canonical, String name, String... aliases) {
        values.put(name, defaultValue);
        ConfigEntry.Setter setter = (call, text) -> values.put(name, canonical.apply(text));
        entries.add(new ConfigEntry(name, () -> values.get(name), setter));
        for (String alias : aliases) {
            entries.add(new ConfigEntry(alias, () -> values.get(name), setter));
        }
    }
}
