package io.portbind.kv.aof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portbind.kv.testing.KvTestServer;
import io.portbind.kv.testing.RedisServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * The AOF switched on and rewritten while clients are connected, as Redis 7.0 does: CONFIG SET appendonly yes
 * writes the data so far as a base (through a rewrite) and appends from then on; BGREWRITEAOF compacts; INFO
 * persistence has Redis's aof fields in Redis's order.
 */
class AofAtRunTimeTest {

    @Test
    void configSetAppendonlyYesKeepsTheDataThereAndWhatFollows(@TempDir Path dir) throws Exception {
        Map<String, String> expected;
        try (KvTestServer kv = KvTestServer.start(Map.of("KV_DIR", dir.toString())); Jedis jedis = kv.jedis()) {
            jedis.set("before", "1");
            jedis.rpush("list", "a", "b");
            assertEquals(Map.of("appendonly", "no"), jedis.configGet("appendonly"));
            assertEquals("OK", jedis.configSet("appendonly", "yes"));
            jedis.set("during", "2");
            awaitNoRewrite(jedis);
            jedis.set("after", "3");
            assertEquals(Map.of("appendonly", "yes"), jedis.configGet("appendonly"));
            expected = KeyspaceDump.of(jedis);
        }
        assertEquals("file appendonly.aof.1.base.rdb seq 1 type b\nfile appendonly.aof.1.incr.aof seq 1 type i\n",
                Files.readString(dir.resolve("appendonlydir/appendonly.aof.manifest")));
        try (KvTestServer kv = KvTestServer.start(Map.of("KV_DIR", dir.toString(), "KV_APPENDONLY", "yes"));
             Jedis jedis = kv.jedis()) {
            assertEquals(expected, KeyspaceDump.of(jedis));
        }
    }

    @Test
    void bgrewriteaofCompactsIntoANewBaseAndDeletesTheHistory(@TempDir Path dir) throws Exception {
        try (KvTestServer kv = KvTestServer.start(Map.of("KV_DIR", dir.toString(), "KV_APPENDONLY", "yes"));
             Jedis jedis = kv.jedis()) {
            for (int i = 0; i < 100; i++) {
                jedis.incr("counter");
            }
            assertEquals("Background append only file rewriting started", jedis.bgrewriteaof());
            awaitNoRewrite(jedis);
            jedis.incr("counter");
            String info = jedis.info("persistence");
            assertTrue(info.contains("aof_rewrites:1\r\n") && info.contains("aof_last_bgrewrite_status:ok"), info);
        }
        Path appendDir = dir.resolve("appendonlydir");
        try (var files = Files.list(appendDir)) {
            assertEquals(List.of("appendonly.aof.2.base.rdb", "appendonly.aof.2.incr.aof", "appendonly.aof.manifest"),
                    files.map(file -> file.getFileName().toString()).sorted().toList());
        }
        // The new base is an RDB file (Redis's aof-use-rdb-preamble yes) holding the counter at its rewrite.
        try (KvTestServer kv = KvTestServer.start(Map.of("KV_DIR", dir.toString(), "KV_APPENDONLY", "yes"));
             Jedis jedis = kv.jedis()) {
            assertEquals("101", jedis.get("counter"));
        }
    }

    @Test
    void infoPersistenceHasRedisAofFields(@TempDir Path dir, @TempDir Path redisDir) throws Exception {
        List<String> ours;
        try (KvTestServer kv = KvTestServer.start(Map.of("KV_DIR", dir.toString(), "KV_APPENDONLY", "yes"));
             Jedis jedis = kv.jedis()) {
            ours = aofFieldNames(jedis.info("persistence"));
        }
        try (RedisServerProcess redis = AofFiles.redisServer(redisDir, "everysec"); Jedis jedis = redis.jedis()) {
            assertEquals(aofFieldNames(jedis.info("persistence")), ours);
        }
    }

    private static List<String> aofFieldNames(String info) {
        List<String> names = new ArrayList<>();
        for (String line : info.split("\r\n")) {
            if (line.startsWith("aof_")) {
                names.add(line.substring(0, line.indexOf(':')));
            }
        }
        return names;
    }

    private static void awaitNoRewrite(Jedis jedis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (jedis.info("persistence").contains("aof_rewrite_in_progress:1")
                || jedis.info("persistence").contains("aof_rewrite_scheduled:1")) {
            assertTrue(System.nanoTime() < deadline, "rewrite did not finish");
            Thread.sleep(20);
        }
    }
}
