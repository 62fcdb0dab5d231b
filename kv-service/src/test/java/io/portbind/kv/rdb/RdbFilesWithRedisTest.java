package io.portbind.kv.rdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portbind.common.testing.ExternalTool;
import io.portbind.kv.keyspace.Database;
import io.portbind.kv.keyspace.Keyspace;
import io.portbind.kv.keyspace.KeyspaceView;
import io.portbind.kv.testing.KvTestServer;
import io.portbind.kv.testing.RedisServerProcess;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * RDB files between kv-service and a real redis-server 7.0, both ways, with the same data set of every type and
 * encoding ({@link Fixture}): our file passes redis-check-rdb and redis-server loads exactly our keys, types,
 * encodings, expiry times and contents; redis-server's SAVE loads into our keyspace with all of them the same.
 */
class RdbFilesWithRedisTest {

    /** An hour from now, fixed once, so both servers hold identical absolute expiry times. */
    private static final long EXPIRE_AT = System.currentTimeMillis() + 3_600_000;

    @Test
    void ourFilePassesRedisCheckRdbAndRedisServerLoadsIt(@TempDir Path dir) throws Exception {
        List<String> ours;
        Path file = dir.resolve("dump.rdb");
        try (KvTestServer kv = KvTestServer.start(); Jedis client = kv.jedis()) {
            Fixture.apply(client, EXPIRE_AT);
            ours = Fixture.contents(client);
            KeyspaceView view;
            kv.keyspace().lock();
            try {
                view = kv.keyspace().snapshot();
            } finally {
                kv.keyspace().unlock();
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                RdbWriter.write(view, out, RdbPurpose.SNAPSHOT);
            }
        }
        String check = ExternalTool.run(ExternalTool.require("redis-check-rdb").toString(), file.toString()).ok();
        assertTrue(check.contains("RDB looks OK!"), check);
        assertTrue(check.contains("redis-ver = '7.0.15'") && check.contains("aof-base = '0'"), check);
        try (RedisServerProcess redis = redisOn(dir); Jedis client = redis.jedis()) {
            assertSameContents(ours, Fixture.contents(client));
        }
    }

    @Test
    void redisServersSaveLoadsIntoOurKeyspaceWithTheSameContents(@TempDir Path dir) throws Exception {
        List<String> redisContents;
        try (RedisServerProcess redis = redisOn(dir); Jedis client = redis.jedis()) {
            Fixture.apply(client, EXPIRE_AT);
            assertEquals("OK", client.save());
            redisContents = Fixture.contents(client);
        }
        try (KvTestServer kv = KvTestServer.start(); Jedis client = kv.jedis()) {
            Keyspace keyspace = kv.keyspace();
            RdbReader.Summary summary;
            keyspace.lock();
            try (InputStream in = new BufferedInputStream(Files.newInputStream(dir.resolve("dump.rdb")))) {
                summary = RdbReader.read(in, "dump.rdb", (db, key, value, expireAt) -> {
                    Database database = keyspace.database(db);
                    database.put(key, value);
                    if (expireAt != Database.NO_EXPIRY) {
                        database.setExpireTime(key, expireAt);
                    }
                });
            } finally {
                keyspace.unlock();
            }
            assertEquals(10, summary.version());
            assertEquals(redisContents.size(), summary.keys());
            assertEquals(Files.size(dir.resolve("dump.rdb")), summary.bytes());
            assertSameContents(redisContents, Fixture.contents(client));
        }
    }

    private static void assertSameContents(List<String> expected, List<String> actual) {
        assertEquals(expected.size(), actual.size(), "number of keys");
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(shorten(expected.get(i)), shorten(actual.get(i)), "key " + i);
        }
        assertTrue(expected.size() > 40 && expected.stream().anyMatch(line -> line.startsWith("15 ")));
    }

    /** Long values compared by a digest, so that a failure prints a readable line. */
    private static String shorten(String line) {
        return line.length() <= 300 ? line : line.substring(0, 200) + "... (" + line.length() + " chars, hash "
                + line.hashCode() + ")";
    }


    /** redis-server on {@code dir}, loading its dump.rdb if there is one, with snapshots and AOF off. */
    private static RedisServerProcess redisOn(Path dir) throws Exception {
        return RedisServerProcess.start("--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir",
                dir.toString(), "--dbfilename", "dump.rdb", "--logfile", dir.resolve("redis.log").toString());
    }
}
