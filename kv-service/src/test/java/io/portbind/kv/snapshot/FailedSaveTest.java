package io.portbind.kv.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portbind.kv.testing.KvTestServer;
import io.portbind.kv.testing.RawClient;
import io.portbind.kv.testing.RedisServerProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * After a background save fails (its directory is gone), with save points set: the same replies from redis-server
 * and kv-service, byte for byte, for writes (-MISCONF), PING (refused too), reads, MULTI, and the two ways out
 * (stop-writes-on-bgsave-error no, no save points); a save that works again ends the refusal. FLUSHALL with save
 * points writes the empty data set at once, as Redis does.
 */
class FailedSaveTest {

    /** Sent in one write after the failed BGSAVE; RESP arrays, so the empty argument of CONFIG SET save is exact. */
    private static final List<List<String>> AFTER_FAILURE = List.of(
            List.of("SET", "a", "1"), List.of("PING"), List.of("GET", "a"),
            List.of("MULTI"), List.of("SET", "b", "2"), List.of("GET", "a"), List.of("EXEC"),
            List.of("MULTI"), List.of("GET", "a"), List.of("EXEC"),
            List.of("DEL", "a"), List.of("CONFIG", "GET", "stop-writes-on-bgsave-error"),
            List.of("CONFIG", "SET", "stop-writes-on-bgsave-error", "no"), List.of("SET", "a", "1"),
            List.of("CONFIG", "SET", "stop-writes-on-bgsave-error", "yes"), List.of("SET", "a", "2"),
            List.of("CONFIG", "SET", "save", ""), List.of("SET", "a", "3"),
            List.of("CONFIG", "SET", "save", "3600 1"), List.of("SET", "a", "4"),
            List.of("SUBSCRIBE", "x"), List.of("PING"));

    @Test
    void writesAndPingAreRefusedAsRedisRefusesThemAfterAFailedBackgroundSave(@TempDir Path root) throws Exception {
        Path redisDir = Files.createDirectory(root.resolve("redis"));
        Path kvDir = Files.createDirectory(root.resolve("kv"));
        String expected;
        try (RedisServerProcess redis = RedisServerProcess.start("--bind", "127.0.0.1", "--save", "3600 1",
                "--appendonly", "no", "--dir", redisDir.toString(), "--logfile", root.resolve("redis.log").toString())) {
            expected = afterFailedSave(redis.port(), redis::jedis, redisDir);
        }
        try (KvTestServer kv = KvTestServer.start(Map.of("KV_SAVE", "3600 1", "KV_DIR", kvDir.toString()))) {
            String actual = afterFailedSave(kv.port(), kv::jedis, kvDir);
            assertEquals(expected, actual);
            assertTrue(actual.contains("-MISCONF Redis is configured to save RDB snapshots"), actual);
            Files.createDirectory(kvDir);
            try (Jedis client = kv.jedis()) {
                assertEquals("Background saving started", client.bgsave());
                awaitBackgroundSaveStatus(client, "ok");
                assertEquals("OK", client.set("a", "after a save that worked"));
            }
        }
    }

    @Test
    void flushAllWithSavePointsWritesTheEmptyDataSetAtOnce(@TempDir Path dir) throws Exception {
        try (KvTestServer kv = KvTestServer.start(Map.of("KV_SAVE", "3600 1", "KV_DIR", dir.toString()));
             Jedis client = kv.jedis()) {
            client.set("gone", "after FLUSHALL");
            assertEquals("OK", client.save());
            long saved = Files.size(dir.resolve("dump.rdb"));
            assertEquals("OK", client.flushAll());
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (Files.size(dir.resolve("dump.rdb")) == saved && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }
        try (KvTestServer kv = KvTestServer.start(Map.of("KV_SAVE", "", "KV_DIR", dir.toString()));
             Jedis client = kv.jedis()) {
            assertEquals(0, client.dbSize(), "a restart does not bring the flushed keys back");
        }
    }

    /** Removes {@code dir}, lets BGSAVE fail there, then sends {@link #AFTER_FAILURE}; the raw replies. */
    private static String afterFailedSave(int port, Supplier<Jedis> clients, Path dir)
            throws Exception {
        Files.delete(dir);
        try (Jedis client = clients.get()) {
            assertEquals("Background saving started", client.bgsave());
            awaitBackgroundSaveStatus(client, "err");
        }
        try (RawClient raw = new RawClient(port)) {
            StringBuilder request = new StringBuilder();
            for (List<String> command : AFTER_FAILURE) {
                request.append('*').append(command.size()).append("\r\n");
                for (String arg : command) {
                    request.append('$').append(arg.getBytes(StandardCharsets.UTF_8).length).append("\r\n")
                            .append(arg).append("\r\n");
                }
            }
            raw.send(request.toString());
            return raw.readFor(1_000);
        }
    }

    private static void awaitBackgroundSaveStatus(Jedis client, String status) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!client.info("persistence").contains("rdb_last_bgsave_status:" + status)) {
            assertTrue(System.nanoTime() < deadline, "rdb_last_bgsave_status never became " + status);
            Thread.sleep(20);
        }
        while (client.info("persistence").contains("rdb_bgsave_in_progress:1")) {
            assertTrue(System.nanoTime() < deadline, "the background save did not end");
            Thread.sleep(20);
        }
    }
}
