package io.portbind.kv.scripting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.portbind.kv.testing.KvTestServer;
import io.portbind.kv.testing.RedisServerProcess;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * Function libraries survive in dump.rdb as Redis 7.0 keeps them (the FUNCTION2 opcode and the code), both ways
 * between kv-service and redis-server, and in the AOF base after a rewrite; the EVAL script cache does not.
 */
class FunctionsPersistenceTest {

    private static final String LIBRARY = "#!lua name=persisted\n"
            + "redis.register_function('hello', function(keys, args) return 'hello ' .. args[1] end)";

    @Test
    void ourDumpRdbCarriesTheLibraryToRedisServerAndBackToUs(@TempDir Path dir) throws Exception {
        Map<String, String> onDir = Map.of("KV_DIR", dir.toString());
        try (KvTestServer kv = KvTestServer.start(onDir); Jedis client = kv.jedis()) {
            assertEquals("persisted", client.functionLoad(LIBRARY));
            String sha = client.scriptLoad("return 1");
            client.set("key", "value");
            assertEquals("OK", client.save());
            assertEquals(true, client.scriptExists(sha));
        }
        try (RedisServerProcess redis = redisOn(dir); Jedis client = redis.jedis()) {
            assertEquals("hello redis", client.fcall("hello", List.of(), List.of("redis")));
            assertEquals("value", client.get("key"));
        }
        try (KvTestServer kv = KvTestServer.start(onDir); Jedis client = kv.jedis()) {
            assertEquals("hello again", client.fcall("hello", List.of(), List.of("again")));
            assertEquals(false, client.scriptExists(RedisLibrary.sha1hex("return 1".getBytes())));
        }
    }

    @Test
    void redisServersLibraryLoadsIntoUs(@TempDir Path dir) throws Exception {
        try (RedisServerProcess redis = redisOn(dir); Jedis client = redis.jedis()) {
            client.functionLoad(LIBRARY);
            assertEquals("OK", client.save());
        }
        try (KvTestServer kv = KvTestServer.start(Map.of("KV_DIR", dir.toString())); Jedis client = kv.jedis()) {
            assertEquals("hello kv", client.fcall("hello", List.of(), List.of("kv")));
            assertEquals(LIBRARY, client.functionListWithCode().get(0).getLibraryCode());
        }
    }

    @Test
    void theAofBaseCarriesTheLibraryAfterARewrite(@TempDir Path dir) throws Exception {
        Map<String, String> withAof = Map.of("KV_DIR", dir.toString(), "KV_APPENDONLY", "yes");
        try (KvTestServer kv = KvTestServer.start(withAof); Jedis client = kv.jedis()) {
            client.functionLoad(LIBRARY);
            client.bgrewriteaof();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (client.info("persistence").contains("aof_rewrite_in_progress:1")
                    || client.info("persistence").contains("aof_rewrite_scheduled:1")) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the rewrite did not end within 10 s");
                }
                Thread.sleep(20);
            }
        }
        try (KvTestServer kv = KvTestServer.start(withAof); Jedis client = kv.jedis()) {
            assertEquals("hello aof", client.fcall("hello", List.of(), List.of("aof")));
        }
    }

    /** redis-server on {@code dir}, saving and loading dump.rdb there, with the AOF off. */
    private static RedisServerProcess redisOn(Path dir) throws Exception {
        return RedisServerProcess.start("--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir",
                dir.toString(), "--dbfilename", "dump.rdb", "--logfile", dir.resolve("redis.log").toString());
    }
}
