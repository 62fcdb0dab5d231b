package io.portbind.kv.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portbind.kv.server.KvServer;
import io.portbind.kv.testing.KvTestServer;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * BGSAVE, SAVE, LASTSAVE and the save schedule over real connections: a background save's file holds the keyspace
 * of the instant BGSAVE was answered, whatever clients write while it is written.
 */
class BackgroundSaveTest {

    private static final long WAIT_MILLIS = 10_000;

    @Test
    void bgsaveFileHoldsTheStateOfItsInstantWhileClientsWrite() throws Exception {
        GatedFormat format = new GatedFormat();
        try (KvTestServer server = KvTestServer.start(Map.of(), format); Jedis redis = server.jedis()) {
            for (int i = 0; i < 2_000; i++) {
                redis.set("key:" + i, "value " + i);
            }
            redis.rpush("list", "a", "b");
            redis.hset("hash", "field", "before");
            redis.set("marker", "before");
            long before = redis.lastsave();
            assertEquals("Background saving started", redis.bgsave());
            // Writers start once BGSAVE has answered, so what they write is after its instant: none of it may
            // reach the file, while the save itself is held midway below.
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService writers = Executors.newFixedThreadPool(2);
            List<Future<Integer>> load = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                String prefix = "writer" + w + ":";
                load.add(writers.submit(() -> writeUntil(server, prefix, stop)));
            }
            redis.set("marker", "after");
            redis.rpush("list", "after");
            redis.hset("hash", "field", "after");
            redis.set("created after", "x");
            redis.del("key:5");
            assertTrue(format.awaitHeld(), "the save is midway");
            assertEquals("1", persistence(redis).get("rdb_bgsave_in_progress"));
            assertEquals("ERR Background save already in progress",
                    assertThrows(JedisDataException.class, redis::bgsave).getMessage());
            assertEquals("ERR Background save already in progress",
                    assertThrows(JedisDataException.class, redis::save).getMessage());
            format.open();
            awaitField(redis, "rdb_bgsave_in_progress", "0");
            stop.set(true);
            for (Future<Integer> writer : load) {
                assertTrue(writer.get(WAIT_MILLIS, TimeUnit.MILLISECONDS) > 0);
            }
            writers.shutdown();
            assertEquals("ok", persistence(redis).get("rdb_last_bgsave_status"));
            assertTrue(redis.lastsave() >= before);

            Map<String, String> saved = load(server.dir().resolve("dump.rdb"));
            assertEquals("string before", saved.get("db0:marker"));
            assertEquals("list [a, b]", saved.get("db0:list"));
            assertEquals("hash {field=before}", saved.get("db0:hash"));
            assertEquals("string value 5", saved.get("db0:key:5"));
            assertFalse(saved.containsKey("db0:created after"));
            assertFalse(saved.keySet().stream().anyMatch(key -> key.startsWith("db0:writer")), "a writer's key");
            assertEquals("after", redis.get("marker"), "the live keyspace went on");
        }
    }

    @Test
    void saveAnswersOnceTheFileIsWrittenAndLastsaveFollows() throws Exception {
        try (KvTestServer server = KvTestServer.start(); Jedis redis = server.jedis()) {
            redis.set("k", "v");
            assertEquals("1", persistence(redis).get("rdb_changes_since_last_save"));
            assertEquals("OK", redis.save());
            assertEquals("0", persistence(redis).get("rdb_changes_since_last_save"));
            assertEquals(Map.of("db0:k", "string v"), load(server.dir().resolve("dump.rdb")));
            try (var files = Files.list(server.dir())) {
                assertEquals(List.of("dump.rdb"), files.map(p -> p.getFileName().toString()).toList());
            }
            assertTrue(Math.abs(redis.lastsave() - System.currentTimeMillis() / 1000) <= 2);
        }
    }

    @Test
    void aFailedSaveRepliesErrAndInfoSaysSo() throws Exception {
        try (KvTestServer server = KvTestServer.start(); Jedis redis = server.jedis()) {
            redis.set("k", "v");
            Files.createDirectories(server.dir().resolve("dump.rdb").resolve("in the way"));
            assertEquals("ERR", assertThrows(JedisDataException.class, redis::save).getMessage());
            assertEquals("Background saving started", redis.bgsave());
            awaitField(redis, "rdb_last_bgsave_status", "err");
            assertEquals("1", persistence(redis).get("rdb_changes_since_last_save"));
        }
    }

    @Test
    void bgsaveInsideExecIsScheduledAndRunsAfter() throws Exception {
        try (KvTestServer server = KvTestServer.start(); Jedis redis = server.jedis()) {
            redis.set("k", "v");
            Transaction multi = redis.multi();
            multi.sendCommand(Protocol.Command.BGSAVE, new String[0]);
            List<Object> replies = multi.exec();
            assertEquals("Background saving scheduled", new String((byte[]) replies.get(0), "UTF-8"));
            awaitFile(server.dir().resolve("dump.rdb"));
            awaitField(redis, "rdb_bgsave_in_progress", "0");
            // Nothing else runs: SCHEDULE starts at once.
            assertEquals("Background saving started",
                    new String((byte[]) redis.sendCommand(Protocol.Command.BGSAVE, "SCHEDULE"), "UTF-8"));
        }
    }

    @Test
    void theSchedulePointSavesOnItsOwn() throws Exception {
        try (KvTestServer server = KvTestServer.start(Map.of("KV_SAVE", "1 2")); Jedis redis = server.jedis()) {
            assertEquals(Map.of("save", "1 2"), redis.configGet("save"));
            redis.set("first", "1");
            Thread.sleep(2_200);
            assertFalse(Files.exists(server.dir().resolve("dump.rdb")), "one change is not enough");
            redis.set("second", "2");
            awaitFile(server.dir().resolve("dump.rdb"));
            awaitField(redis, "rdb_changes_since_last_save", "0");
            assertEquals(2, load(server.dir().resolve("dump.rdb")).size());
        }
    }

    /** Writes on its own connection until told to stop (or for at most ten seconds); returns how many. */
    private static int writeUntil(KvTestServer server, String prefix, AtomicBoolean stop) {
        int count = 0;
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        try (Jedis writer = server.jedis()) {
            while (!stop.get() && System.currentTimeMillis() < deadline && count < 1_000_000) {
                writer.rpush("list", "writer");
                writer.hset("hash", "field", prefix);
                writer.set(prefix + count, "x");
                count++;
            }
        }
        return count;
    }

    static Map<String, String> persistence(Jedis redis) {
        Map<String, String> fields = new TreeMap<>();
        for (String line : redis.info("persistence").split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                fields.put(line.substring(0, colon), line.substring(colon + 1));
            }
        }
        return fields;
    }

    private static void awaitField(Jedis redis, String field, String value) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (!value.equals(persistence(redis).get(field)) && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(value, persistence(redis).get(field), field);
    }

    private static void awaitFile(Path file) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (!Files.exists(file) && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(Files.exists(file), file + " written");
    }

    /** Every key of a snapshot file, rendered as {@link Rendering} does. */
    static Map<String, String> load(Path file) throws Exception {
        Map<String, String> keys = new TreeMap<>();
        try (InputStream in = Files.newInputStream(file)) {
            KvServer.SNAPSHOT_FORMAT.read(in, file.toString(), (db, key, value, expireAt) ->
                    keys.put(Rendering.name(db, key), Rendering.value(value, expireAt)));
        }
        return keys;
    }
}
