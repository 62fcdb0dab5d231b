package io.portbind.kv.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * INFO persistence names the same fields as redis-server 7.0.15's, in the same order, and the values that do not
 * depend on the moment agree; and INFO with no argument shows the section, as Redis's default sections do.
 */
class PersistenceInfoTest {

    private static ReferenceServers servers;

    @BeforeAll
    static void start() throws Exception {
        servers = ReferenceServers.start();
    }

    @AfterAll
    static void stop() {
        if (servers != null) {
            servers.close();
        }
    }

    @Test
    void sameFieldsInTheSameOrder() throws Exception {
        try (ReferenceServers.Pair both = servers.connect()) {
            both.exchange(command("FLUSHALL"));
            RawReply[] info = both.exchange(command("INFO", "persistence"));
            assertEquals(fields(info[0], false), fields(info[1], false));
            List<String> stable = List.of("loading", "async_loading", "rdb_changes_since_last_save",
                    "rdb_bgsave_in_progress", "rdb_last_bgsave_status", "aof_enabled", "aof_rewrite_in_progress");
            List<String> redis = fields(info[0], true).stream().filter(f -> stable.contains(f.split(":")[0])).toList();
            List<String> ours = fields(info[1], true).stream().filter(f -> stable.contains(f.split(":")[0])).toList();
            assertEquals(redis, ours);
            RawReply[] all = both.exchange(command("INFO"));
            assertEquals(all[0].toString().contains("# Persistence"), all[1].toString().contains("# Persistence"));
        }
    }

    private static List<String> fields(RawReply reply, boolean withValues) {
        List<String> fields = new ArrayList<>();
        for (String line : reply.toString().split("\\\\r\\\\n|\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && !line.startsWith("#") && !line.startsWith("$")) {
                fields.add(withValues ? line : line.substring(0, colon));
            }
        }
        return fields;
    }

    private static byte[] command(String... words) {
        StringBuilder out = new StringBuilder("*" + words.length + "\r\n");
        for (String word : words) {
            out.append('$').append(word.length()).append("\r\n").append(word).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
